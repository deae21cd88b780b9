import { ClassroomError } from "@/lib/classroom/errors";

/** The classroom refusal a promise ends in (its code and message); anything else fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ClassroomError) return { code: error.code, message: error.message };
  throw new Error(`expected a refusal, got ${String(error)}`);
}

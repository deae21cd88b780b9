import { ClassroomError } from "@/lib/classroom/errors";

/** The classroom refusal a promise ends in (its code, message and HTTP status); anything else fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; status: number }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ClassroomError) return { code: error.code, message: error.message, status: error.status };
  throw new Error(`expected a refusal, got ${String(error)}`);
}

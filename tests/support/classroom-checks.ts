import { ClassroomError } from "@/lib/classroom/errors";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";

/** A wrong answer to the question: another option, False for True, or the ordering reversed. */
export function wrongAnswer(question: Question): string | string[] {
  const key = answerKey(question);
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  return (question.kind === "single" || question.kind === "who-said" ? question.options : []).find((o) => o.id !== key)?.id ?? "";
}

/** The classroom's refusal of a call: its code and status (anything else fails the test). */
export async function classroomRefusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ClassroomError) return { code: error.code, status: error.status };
  throw new Error(`expected a refusal, got ${String(error)}`);
}

import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";

/** A wrong answer to the question: another option, False for True, the ordering reversed, or an estimate's far end. */
export function wrongAnswer(question: Question): string | string[] {
  const key = answerKey(question);
  if (question.kind === "estimate") {
    const { min, max } = question.range;
    return String(question.answer - min > max - question.answer ? min : max);
  }
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  return (question.kind === "single" || question.kind === "who-said" ? question.options : []).find((o) => o.id !== key)?.id ?? "";
}

import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";

/**
 * Answers with known outcomes for the load scripts, so the expected totals
 * are known before anything is sent.
 */

/** Right for two players in three (by seat and question), so every question gets both kinds. */
export const answersRight = (seat: number, question: number) => (seat + question) % 3 !== 0;

/** The right answer, or a wrong one of the same shape. */
export function answerFor(question: Question, right: boolean): string | string[] {
  const key = answerKey(question);
  if (right) return key;
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  const options = question.kind === "single" || question.kind === "who-said" ? question.options : [];
  return options.find((option) => option.id !== key)?.id ?? key;
}

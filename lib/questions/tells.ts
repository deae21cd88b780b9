import type { Choice, Question } from "./schemas";

/**
 * Wording that gives a single-choice or who-said answer away without any
 * knowledge: an answer much longer than every other option, or the only
 * option in quotation marks. A pure check, so the bank test can run it over
 * every question and name each offender.
 */

/** An answer this many times as long as the longest other option reads as "the careful, complete one". */
export const LENGTH_TELL_RATIO = 1.2;

const QUOTATION_MARK = /["\u201c\u201d\u2018\u2019]/;

/** True for text in quotation marks, straight or curly; an apostrophe inside a word ("Kim's") does not count. */
function hasQuotation(text: string): boolean {
  return QUOTATION_MARK.test(text.replace(/(\p{L})[\u2019'](\p{L})/gu, "$1$2"));
}

/** Human-readable problems with the options of one question; empty when there are none or the kind has no options. */
export function optionTells(question: Question): string[] {
  if (question.kind !== "single" && question.kind !== "who-said") return [];
  const answer = question.options.find((option) => option.id === question.answer);
  if (answer === undefined) return [];
  const others: Choice[] = question.options.filter((option) => option.id !== question.answer);
  const problems: string[] = [];

  const longestOther = Math.max(...others.map((option) => option.text.length));
  if (answer.text.length >= LENGTH_TELL_RATIO * longestOther) {
    problems.push(
      `question "${question.id}": the answer "${answer.text}" (${answer.text.length} characters) is at least ${LENGTH_TELL_RATIO}× as long as the longest other option (${longestOther})`,
    );
  }
  if (hasQuotation(answer.text) && !others.some((option) => hasQuotation(option.text))) {
    problems.push(`question "${question.id}": the answer "${answer.text}" is the only option in quotation marks`);
  }
  return problems;
}

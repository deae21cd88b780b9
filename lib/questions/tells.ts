import type { Choice, Question } from "./schemas";

/**
 * Wording that gives an answer away without any knowledge: within a question,
 * an answer much longer than every other option, or the only option in
 * quotation marks; across questions, one question stating the name another
 * asks for. Pure checks, so the bank test can run them over every question
 * and name each offender.
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

/** A single-choice answer that is a name: one to four capitalised words ("Kursk", "Bob Woodward", "Kim Yong-chol"). */
const NAME = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3}$/u;

/** Shorter last words ("Kim") are shared by too many people to stand for one of them. */
const MIN_SURNAME_LENGTH = 5;

/** The forms that name an answer elsewhere: the whole name, and a long enough last word on its own ("Woodward's “Rage”"). */
function nameForms(name: string): string[] {
  const words = name.split(" ");
  const last = words.at(-1) ?? name;
  return words.length > 1 && last.length >= MIN_SURNAME_LENGTH ? [name, last] : [name];
}

/**
 * What a player reads in a question, before or after answering, as facts.
 * Its options are left out: a wrong option naming someone states nothing about them.
 */
function statedText(question: Question): string[] {
  const texts = [question.prompt, question.explanation];
  if (question.kind === "who-said") texts.push(question.quote, question.context);
  if (question.kind === "order") texts.push(...question.items.map((item) => item.text));
  if (question.kind === "estimate") texts.push(...(question.claims ?? []).flatMap((claim) => [claim.who, claim.figure]));
  return texts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pair where `giver` states the name that is the answer to `answered`. */
export interface NameGiveaway {
  answered: string;
  giver: string;
  name: string;
}

/**
 * Every pair of questions where one states the name another asks for, so a
 * player who meets both in one quiz is handed the answer; `shownWith` adds
 * what the feedback shows beside a question (its learn-more link). Only single-choice
 * answers that are names are checked: a who-said speaker is named all over
 * the bank, and longer answers are rarely repeated word for word.
 */
export function nameGiveaways(questions: readonly Question[], shownWith: (question: Question) => string[] = () => []): NameGiveaway[] {
  return questions.flatMap((answered): NameGiveaway[] => {
    if (answered.kind !== "single") return [];
    const name = answered.options.find((option) => option.id === answered.answer)?.text;
    if (name === undefined || !NAME.test(name)) return [];
    // Whole words only, so "Kursk" is not found in "Kurskaya".
    const forms = nameForms(name).map((form) => new RegExp(`(?<!\\p{L})${escapeRegExp(form)}(?!\\p{L})`, "u"));
    return questions
      .filter((giver) => giver.id !== answered.id && [...statedText(giver), ...shownWith(giver)].some((text) => forms.some((form) => form.test(text))))
      .map((giver) => ({ answered: answered.id, giver: giver.id, name }));
  });
}

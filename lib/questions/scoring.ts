import { closenessCredit, rangeMessage } from "./closeness";
import { QuestionError } from "./errors";
import { onStep, type EstimateQuestion, type NormalizedAnswer, type Question } from "./schemas";

/**
 * Pure scoring against the answer key. Answers arrive shape-checked
 * (answerSchema); here they are checked against the question itself, and
 * anything that is not a possible answer is an `invalid_answer` (422), not
 * a wrong answer: a tampered form should not cost or earn a point.
 */

function invalid(message: string): QuestionError {
  return new QuestionError("invalid_answer", message);
}

/** One value from a form field that may have been repeated. */
function single(answer: string | readonly string[]): string {
  if (typeof answer === "string") return answer;
  if (answer.length === 1 && answer[0] !== undefined) return answer[0];
  throw invalid("Choose one answer.");
}

/** Plain decimal numbers only: no "0x1b", "1e3" or blanks, which Number() would read as something else. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An estimate in stored form: the number as a canonical decimal string ("27"). */
function estimateAnswer(question: EstimateQuestion, answer: string | readonly string[]): string {
  const text = single(answer).trim();
  const value = Number(text);
  if (!DECIMAL.test(text) || value < question.range.min || value > question.range.max || !onStep(value, question.range)) {
    throw invalid(rangeMessage(question.range, question.unit));
  }
  return String(value);
}

/** Validates an answer against the question and returns its stored form. */
export function normalizeAnswer(question: Question, answer: string | readonly string[]): NormalizedAnswer {
  switch (question.kind) {
    case "single":
    case "who-said": {
      const choice = single(answer);
      if (!question.options.some((option) => option.id === choice)) {
        throw invalid("That is not one of this question's options. Please choose one of the options shown.");
      }
      return choice;
    }
    case "true-false": {
      const choice = single(answer);
      if (choice !== "true" && choice !== "false") throw invalid('Answer "true" or "false".');
      return choice;
    }
    case "order": {
      const order = typeof answer === "string" ? [answer] : [...answer];
      const ids = question.items.map((item) => item.id);
      const isPermutation =
        order.length === ids.length && new Set(order).size === order.length && order.every((id) => ids.includes(id));
      if (!isPermutation) {
        throw invalid(`Put all ${ids.length} items in order, each exactly once.`);
      }
      return order;
    }
    case "estimate":
      return estimateAnswer(question, answer);
  }
}

/** The correct answer in stored form. */
export function answerKey(question: Question): NormalizedAnswer {
  switch (question.kind) {
    case "single":
    case "who-said":
      return question.answer;
    case "true-false":
      return question.answer ? "true" : "false";
    case "order":
      return question.items.map((item) => item.id);
    case "estimate":
      return String(question.answer);
  }
}

export function sameAnswer(a: NormalizedAnswer, b: NormalizedAnswer): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Whether a validated answer is right: the exact key, or for estimates full closeness (see ./closeness). */
export function isRightAnswer(question: Question, answer: NormalizedAnswer): boolean {
  if (question.kind === "estimate") return closenessCredit(question, Number(answer)) === 1;
  return sameAnswer(answer, answerKey(question));
}

/** Throws QuestionError("invalid_answer") for an answer the question cannot have. Order: exact sequence. */
export function isCorrect(question: Question, answer: string | readonly string[]): boolean {
  return isRightAnswer(question, normalizeAnswer(question, answer));
}

// ---------------------------------------------------------------- storage form

/** JSON, so it can never equal the "pending" marker of an unanswered slot. */
export function encodeAnswer(answer: NormalizedAnswer): string {
  return JSON.stringify(answer);
}

/** Reads a stored answer; null for "pending", missing or unreadable values. */
export function decodeAnswer(stored: string | null | undefined): NormalizedAnswer | null {
  if (stored === null || stored === undefined || stored === "pending") return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value === "string") return value;
    if (Array.isArray(value) && value.every((item): item is string => typeof item === "string")) return value;
    return null;
  } catch {
    return null;
  }
}

/**
 * Whether a stored answer is right. An answer the question no longer
 * accepts (it cannot, while versions are respected) counts as wrong rather
 * than failing the page that shows it.
 */
export function correctness(question: Question, answer: NormalizedAnswer): boolean {
  try {
    return isCorrect(question, answer);
  } catch {
    return false;
  }
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The quiz bank as the tests read it from disk: they play as someone who
 * knows the key (or gets everything wrong), and look for the key where it
 * must not be.
 */

export interface BankQuestion {
  id: string;
  kind: "single" | "true-false" | "order" | "who-said" | "estimate";
  topics: string[];
  prompt: string;
  answer?: string | boolean | number;
  unit?: string;
  range?: { min: number; max: number; step: number };
  options?: { id: string; text: string }[];
  items?: { id: string; text: string }[];
  /** Who-said questions: the quotation, and when and where it was said. */
  quote?: string;
  context?: string;
  explanation: string;
}

export const bankQuestions: readonly BankQuestion[] = readdirSync(join("content", "quiz"))
  .filter((name) => name.endsWith(".json"))
  .flatMap((name) => JSON.parse(readFileSync(join("content", "quiz", name), "utf8")) as BankQuestion[]);

const byId = new Map(bankQuestions.map((question) => [question.id, question]));

/** The bank's question with this id; a test that meets any other has found a bug. */
export function bankQuestion(id: string): BankQuestion {
  const found = byId.get(id);
  if (!found) throw new Error(`question ${id} is not in the bank`);
  return found;
}

/** The choices a player sees for a one-answer question (true/false has no options in the bank). */
export function choicesOf(question: BankQuestion): { id: string; text: string }[] {
  return question.kind === "true-false" ? [{ id: "true", text: "True" }, { id: "false", text: "False" }] : (question.options ?? []);
}

/** The right choice, or with `correct` false a wrong one. */
export function choiceFor(question: BankQuestion, correct: boolean): { id: string; text: string } | undefined {
  const key = String(question.answer);
  return choicesOf(question).find((choice) => (choice.id === key) === correct);
}

/** The stored form of the right answer: what the quiz's API takes. */
export function keyOf(question: BankQuestion): string | string[] {
  return question.kind === "order" ? (question.items ?? []).map((item) => item.id) : String(question.answer);
}

/** An estimate's answer: the sourced figure, or with `correct` false the end of the range furthest from it. */
export function estimateFor(question: BankQuestion, correct: boolean): string {
  const figure = Number(question.answer);
  const { min, max } = question.range ?? { min: figure, max: figure };
  return String(correct ? figure : figure - min > max - figure ? min : max);
}

/** A number as the site writes it for readers ("10,000"). */
export const asReaderNumber = (value: number) => value.toLocaleString("en-GB");

/** What an estimate asks for, as its fields and refusals say it: "Give a number from 0 to 60 letters." */
export function estimateAsk(question: BankQuestion): string {
  const { min, max, step } = question.range ?? { min: 0, max: 0, step: 1 };
  const steps = step === 1 ? "" : `, in steps of ${asReaderNumber(step)}`;
  return `Give a number from ${asReaderNumber(min)} to ${asReaderNumber(max)} ${question.unit ?? ""}${steps}.`;
}

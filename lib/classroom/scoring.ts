import { displayAnswer } from "@/lib/questions/feedback";
import type { NormalizedAnswer, Question } from "@/lib/questions/schemas";
import { answerKey, isRightAnswer, sameAnswer } from "@/lib/questions/scoring";
import { histogramBars } from "./histogram";
import { rankOf } from "./rank";
import type { Scoring } from "./settings";
import type { DistributionBar, StandingEntry } from "./views";

/**
 * Pure scoring of classroom answers: points, the distribution of answers to
 * a question, and ranks.
 */

/** The window a speed bonus decays over when the question has no timer. */
const SPEED_WINDOW_WITHOUT_TIMER_MS = 20_000;

/**
 * Accuracy: 1 per right answer. Speed: a right answer is worth 500 to 1000,
 * the bonus shrinking linearly over the timer (or 20 s without one), so a
 * right answer always beats a fast wrong one. Wrong answers score 0.
 */
export function pointsFor(options: { scoring: Scoring; correct: boolean; elapsedMs: number | null; timerSeconds: number }): number {
  if (!options.correct) return 0;
  if (options.scoring === "accuracy") return 1;
  const window = options.timerSeconds > 0 ? options.timerSeconds * 1000 : SPEED_WINDOW_WITHOUT_TIMER_MS;
  const elapsed = Math.max(0, options.elapsedMs ?? window);
  return 500 + Math.round(500 * Math.max(0, 1 - elapsed / window));
}

// ---------------------------------------------------------------- distribution

/** The distribution hash field for an answer: `c:{choice}`, or for orderings `c:{ids in order}`. */
export function choiceField(answer: NormalizedAnswer): string {
  return `c:${Array.isArray(answer) ? answer.join(">") : answer}`;
}

/** The choices a question's answers are counted under, in the order the phones show them. */
function shownChoices(question: Question, order: readonly string[]): { value: string; label: string }[] {
  switch (question.kind) {
    case "true-false":
      return [
        { value: "true", label: "True" },
        { value: "false", label: "False" },
      ];
    case "single":
    case "who-said": {
      const ids = [...order.filter((id) => question.options.some((o) => o.id === id))];
      for (const option of question.options) if (!ids.includes(option.id)) ids.push(option.id);
      return ids.map((id) => ({ value: id, label: displayAnswer(question, id) as string }));
    }
    case "order":
    case "estimate":
      return [];
  }
}

/**
 * The answers counted under each choice field of a question's distribution
 * hash, read back as answers. Every counted answer adds one to exactly one
 * choice field, so the totals and the right answers are sums over them:
 * an answer writes nothing else (older hashes' "total" and "correct"
 * fields are the same sums, and are not read).
 */
function choiceCounts(question: Question, counts: Readonly<Record<string, string>>): { answer: NormalizedAnswer; field: string; count: number }[] {
  return Object.entries(counts).flatMap(([field, value]) => {
    const count = Number(value);
    if (!field.startsWith("c:") || !(count > 0) || !Number.isSafeInteger(count)) return [];
    const choice = field.slice(2);
    return [{ answer: question.kind === "order" ? choice.split(">") : choice, field, count }];
  });
}

/** How many of the class answered a question, and how many of them were right. */
export function classTally(question: Question, counts: Readonly<Record<string, string>>): { total: number; correct: number } {
  let total = 0;
  let correct = 0;
  for (const { answer, count } of choiceCounts(question, counts)) {
    total += count;
    if (isRightAnswer(question, answer)) correct += count;
  }
  return { total, correct };
}

/**
 * Bars for the projector: one per choice, for an ordering question
 * "the right order" against "another order", for an estimate a histogram.
 */
export function distributionBars(question: Question, order: readonly string[], counts: Readonly<Record<string, string>>): DistributionBar[] {
  if (question.kind === "estimate") return histogramBars(question, counts);
  if (question.kind === "order") {
    const { total, correct } = classTally(question, counts);
    return [
      { label: "The right order", count: correct, correct: true },
      { label: "Another order", count: total - correct, correct: false },
    ];
  }
  const key = answerKey(question);
  const byField = new Map(choiceCounts(question, counts).map((choice) => [choice.field, choice.count]));
  return shownChoices(question, order).map(({ value, label }) => ({
    label,
    count: byField.get(choiceField(value)) ?? 0,
    correct: sameAnswer(value, key),
  }));
}

/** The wrong answer chosen most often, as a person reads it; null when nobody was wrong. */
export function mostChosenWrong(question: Question, counts: Readonly<Record<string, string>>): { label: string; count: number } | null {
  let best: { answer: NormalizedAnswer; count: number } | null = null;
  for (const { answer, count } of choiceCounts(question, counts)) {
    if (isRightAnswer(question, answer)) continue;
    if (!best || count > best.count) best = { answer, count };
  }
  if (!best) return null;
  const shown = displayAnswer(question, best.answer);
  return { label: Array.isArray(shown) ? shown.join(" → ") : shown, count: best.count };
}

// ---------------------------------------------------------------- ranks

/** The top `limit` with shared ranks, from entries already sorted highest first. */
export function standings(entries: readonly { nickname: string; score: number }[], limit: number): StandingEntry[] {
  const scores = entries.map((entry) => entry.score);
  return entries.slice(0, limit).map((entry) => ({ rank: rankOf(entry.score, scores), nickname: entry.nickname, score: entry.score }));
}

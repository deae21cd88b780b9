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
 * Bars for the projector: one per choice, for an ordering question
 * "the right order" against "another order", for an estimate a histogram.
 */
export function distributionBars(question: Question, order: readonly string[], counts: Readonly<Record<string, string>>): DistributionBar[] {
  const count = (field: string) => {
    const n = Number(counts[field] ?? 0);
    return Number.isFinite(n) ? n : 0;
  };
  if (question.kind === "estimate") return histogramBars(question, counts);
  if (question.kind === "order") {
    const right = count(choiceField(answerKey(question)));
    const total = count("total");
    return [
      { label: "The right order", count: right, correct: true },
      { label: "Another order", count: Math.max(0, total - right), correct: false },
    ];
  }
  const key = answerKey(question);
  return shownChoices(question, order).map(({ value, label }) => ({
    label,
    count: count(choiceField(value)),
    correct: sameAnswer(value, key),
  }));
}

/** The wrong answer chosen most often, as a person reads it; null when nobody was wrong. */
export function mostChosenWrong(question: Question, counts: Readonly<Record<string, string>>): { label: string; count: number } | null {
  const answerIn = (field: string) => (question.kind === "order" ? field.slice(2).split(">") : field.slice(2));
  let best: { field: string; count: number } | null = null;
  for (const [field, value] of Object.entries(counts)) {
    const n = Number(value);
    if (!field.startsWith("c:") || !(n > 0) || isRightAnswer(question, answerIn(field))) continue;
    if (!best || n > best.count) best = { field, count: n };
  }
  if (!best) return null;
  const shown = displayAnswer(question, answerIn(best.field));
  return { label: Array.isArray(shown) ? shown.join(" → ") : shown, count: best.count };
}

// ---------------------------------------------------------------- ranks

/** The top `limit` with shared ranks, from entries already sorted highest first. */
export function standings(entries: readonly { nickname: string; score: number }[], limit: number): StandingEntry[] {
  const scores = entries.map((entry) => entry.score);
  return entries.slice(0, limit).map((entry) => ({ rank: rankOf(entry.score, scores), nickname: entry.nickname, score: entry.score }));
}

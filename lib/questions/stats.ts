import { op } from "@/lib/store/ops";
import type { NormalizedAnswer, Question } from "./schemas";

/**
 * How everyone who played a question on the site answered it: the share
 * who got it right on results pages and beside a class's own share on the
 * teacher's dashboard. Counted by the solo quiz, one hash per question
 * version, so a corrected answer starts afresh.
 *
 * | key                          | type | holds                                          | TTL                            |
 * |------------------------------|------|------------------------------------------------|--------------------------------|
 * | quiz:qstats:{qid}:v{version} | hash | total, correct, and a count per answer given   | 400 days, refreshed per answer |
 *
 * The prefix is the solo quiz's, where the counts began: renaming it would drop them.
 */

const DAY = 24 * 60 * 60;

export const QUESTION_STATS_TTL = 400 * DAY;

export const questionKeys = {
  stats: (questionId: string, version: number) => `quiz:qstats:${questionId}:v${version}`,
} as const;

export interface QuestionStats {
  /** Answers counted. */
  total: number;
  correct: number;
}

/** The hash field an answer is counted under: the option chosen, or the whole order given. */
function answerField(question: Question, answer: NormalizedAnswer): string {
  return question.kind === "order" && Array.isArray(answer) ? `order:${answer.join(">")}` : `choice:${String(answer)}`;
}

/** The writes that count one answer, for the caller's transaction. */
export function countAnswerOps(question: Question, answer: NormalizedAnswer, correct: boolean) {
  const key = questionKeys.stats(question.id, question.version);
  return [
    op.hincrby(key, "total", 1),
    op.hincrby(key, "correct", correct ? 1 : 0),
    op.hincrby(key, answerField(question, answer), 1),
    op.expire(key, QUESTION_STATS_TTL),
  ] as const;
}

/** The read of one question's counts, for the caller's batch; parse its result with `parseStats`. */
export function readStatsOp(ref: { id: string; version: number }) {
  return op.hgetall(questionKeys.stats(ref.id, ref.version));
}

export function parseStats(hash: Readonly<Record<string, string>> | undefined): QuestionStats {
  const count = (field: string) => {
    const n = Number(hash?.[field] ?? 0);
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  return { total: count("total"), correct: count("correct") };
}

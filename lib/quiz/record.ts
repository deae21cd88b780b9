import { Topic } from "@/lib/content/schemas";
import { decodeRefs, type QuestionRef } from "@/lib/questions/refs";
import type { NormalizedAnswer } from "@/lib/questions/schemas";
import { decodeAnswer } from "@/lib/questions/scoring";
import { OFF_BOARD_REASONS, type OffBoardReason } from "./fair-play";
import { ATTEMPT_FIELDS as F } from "./keys";

/**
 * The attempt hash, parsed. Stored data is untrusted like any input (an
 * older deploy may have written it): a hash that cannot be read is missing.
 */

export interface AttemptRecord {
  id: string;
  questions: QuestionRef[];
  created: number;
  length: number;
  requested: number;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  answered: number;
  score: number;
  finishedAt: number | undefined;
  nickname: string | undefined;
  /** lib/quiz/fair-play.ts: why a named result stayed off the boards. */
  offBoard: OffBoardReason | undefined;
  shareId: string | undefined;
  /** Answers by question id. */
  answers: Map<string, NormalizedAnswer>;
}

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isSafeInteger(n) ? n : fallback;
};
const text = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);

/** null when the hash is missing (expired) or unreadable. */
export function parseAttempt(id: string, hash: Readonly<Record<string, string>>): AttemptRecord | null {
  const questions = decodeRefs(hash[F.questions]);
  if (!questions) return null;
  const answers = new Map<string, NormalizedAnswer>();
  for (const question of questions) {
    const answer = decodeAnswer(hash[`${F.answerPrefix}${question.id}`]);
    if (answer !== null) answers.set(question.id, answer);
  }
  const topic = Topic.safeParse(hash[F.topic]);
  const finishedAt = int(hash[F.finishedAt], -1);
  return {
    id,
    questions,
    created: int(hash[F.created], 0),
    length: int(hash[F.length], questions.length),
    requested: int(hash[F.requested], questions.length),
    topic: topic.success ? topic.data : undefined,
    challengeOf: text(hash[F.challengeOf]),
    answered: int(hash[F.answered], 0),
    score: int(hash[F.score], 0),
    finishedAt: finishedAt >= 0 ? finishedAt : undefined,
    nickname: text(hash[F.nickname]),
    offBoard: OFF_BOARD_REASONS.find((reason) => reason === hash[F.offBoard]),
    shareId: text(hash[F.shareId]),
    answers,
  };
}

/** Every question has an answer. */
export function isComplete(attempt: AttemptRecord): boolean {
  return attempt.questions.every((question) => attempt.answers.has(question.id));
}

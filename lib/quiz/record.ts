import { z } from "zod";
import { Topic } from "@/lib/content/schemas";
import { ATTEMPT_FIELDS as F } from "./keys";
import { decodeAnswer } from "./scoring";
import type { NormalizedAnswer } from "./schemas";

/**
 * The attempt hash, parsed. Stored data is untrusted like any input (an
 * older deploy may have written it), so it goes through a schema too.
 */

export interface AttemptQuestionRef {
  id: string;
  version: number;
  /** Choice ids in this attempt's display order. */
  order: string[];
}

export interface AttemptRecord {
  id: string;
  questions: AttemptQuestionRef[];
  created: number;
  length: number;
  requested: number;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  answered: number;
  score: number;
  finishedAt: number | undefined;
  nickname: string | undefined;
  shareId: string | undefined;
  /** Answers by question id. */
  answers: Map<string, NormalizedAnswer>;
}

const StoredQuestions = z.array(
  z.object({ id: z.string().min(1), v: z.number().int().min(1), o: z.array(z.string()) }),
);

export function encodeQuestions(questions: readonly AttemptQuestionRef[]): string {
  return JSON.stringify(questions.map(({ id, version, order }) => ({ id, v: version, o: order })));
}

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isSafeInteger(n) ? n : fallback;
};
const text = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);

/** null when the hash is missing (expired) or unreadable. */
export function parseAttempt(id: string, hash: Readonly<Record<string, string>>): AttemptRecord | null {
  const raw = hash[F.questions];
  if (raw === undefined) return null;
  let questions: AttemptQuestionRef[];
  try {
    questions = StoredQuestions.parse(JSON.parse(raw)).map(({ id: qid, v, o }) => ({ id: qid, version: v, order: o }));
  } catch {
    return null;
  }
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
    shareId: text(hash[F.shareId]),
    answers,
  };
}

/** Every question has an answer. */
export function isComplete(attempt: AttemptRecord): boolean {
  return attempt.questions.every((question) => attempt.answers.has(question.id));
}

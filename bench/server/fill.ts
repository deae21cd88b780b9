import "server-only";
import { randomBytes } from "node:crypto";
import { op, type Op, type Store } from "@/lib/store";
import { drawAttempt } from "@/lib/questions/draw";
import { getBank } from "@/lib/questions/bank";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import { QUIZ_TTL, quizKeys } from "@/lib/quiz/keys";
import { type Question } from "@/lib/questions/schemas";
import type { RandomInt } from "@/lib/questions/draw";
import { ATTEMPT_FIELDS as F } from "@/lib/quiz/keys";
import { encodeRefs, refsOf } from "@/lib/questions/refs";
import { QUESTION_STATS_TTL, questionKeys } from "@/lib/questions/stats";
import { answerKey, encodeAnswer, sameAnswer } from "@/lib/questions/scoring";
import type { NormalizedAnswer } from "@/lib/questions/schemas";
import { Topic } from "@/lib/content/schemas";

/**
 * Fills the store with finished attempts for the growth benchmark, as the
 * app would have left them, but written in bulk rather than request by
 * request (a million attempts through the routes would take hours).
 *
 * "N finished attempts in the store" means: their answers counted into the
 * per-question statistics and their scores into the score buckets — exactly
 * the fields answerQuestion and getResults increment, the only keys that all
 * attempts share and that grow with traffic — and, with `records`, each
 * attempt's own keys too: its hash (questions, answers, score, finishedAt),
 * one answer slot per question and its `finished` marker, with the app's
 * TTLs. Own keys are found by exact key and are slow to write in bulk, so
 * the bench writes them for the first attempts only (see bench/README.md).
 * Leaderboards are left out: they hold at most 100 entries whatever the traffic.
 *
 * The layout mirrors lib/quiz/attempts.ts and results.ts: when those change
 * what they write, change this too.
 */

/** How a quiz is chosen: mostly the full bank at 5/10/20 questions, sometimes one topic at 10. */
const TOPIC_SHARE = 0.3;
const SHARE_CORRECT = { easy: 0.8, medium: 0.6, hard: 0.4 } as const;
/** Attempts per store call when writing own keys: large enough to amortise a round trip, small enough to keep each short. */
const ATTEMPTS_PER_CALL = 250;

/** mulberry32: a tiny seeded generator, so a fill is reproducible and costs no entropy. */
function seeded(seed: number): { next: () => number; int: RandomInt } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (max) => Math.floor(next() * max) };
}

/** A simulated player's answer: right with a probability set by difficulty, otherwise a plausible wrong one. */
function simulatedAnswer(question: Question, order: readonly string[], random: ReturnType<typeof seeded>): NormalizedAnswer {
  const key = answerKey(question);
  if (random.next() < SHARE_CORRECT[question.difficulty]) return key;
  switch (question.kind) {
    case "true-false":
      return key === "true" ? "false" : "true";
    case "order":
      return [...order]; // the shuffled order as shown: never the solved one
    case "estimate":
      return String(question.range.min === question.answer ? question.range.max : question.range.min);
    case "single":
    case "who-said": {
      const wrong = question.options.filter((option) => option.id !== key);
      return wrong[random.int(wrong.length)]?.id ?? key;
    }
  }
}

/** The statistics field answerQuestion increments for the choice made. */
function choiceField(question: Question, answer: NormalizedAnswer): string {
  return question.kind === "order" && Array.isArray(answer) ? `order:${answer.join(">")}` : `choice:${String(answer)}`;
}

/** Counters summed over a call's attempts, written as one HINCRBY each (same fields, same totals). */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(private readonly ttlSeconds: number) {}

  add(key: string, field: string, by = 1): void {
    let fields = this.counts.get(key);
    if (!fields) this.counts.set(key, (fields = new Map()));
    fields.set(field, (fields.get(field) ?? 0) + by);
  }

  ops(): Op[] {
    return [...this.counts].flatMap(([key, fields]) => [
      ...[...fields].map(([field, by]) => op.hincrby(key, field, by)),
      op.expire(key, this.ttlSeconds),
    ]);
  }
}

interface PlayedQuestion {
  question: Question;
  answer: NormalizedAnswer;
  correct: boolean;
}

interface FinishedAttempt {
  attemptId: string;
  drawn: ReturnType<typeof drawAttempt>;
  requested: number;
  topic: Topic | undefined;
  finishedAt: number;
  played: PlayedQuestion[];
  score: number;
}

/** A simulated player's answers to a drawn quiz. */
function play(drawn: ReturnType<typeof drawAttempt>, random: ReturnType<typeof seeded>): { played: PlayedQuestion[]; score: number } {
  let score = 0;
  const played = drawn.questions.map(({ question, order }) => {
    const answer = simulatedAnswer(question, order, random);
    const correct = sameAnswer(answer, answerKey(question));
    score += correct ? 1 : 0;
    return { question, answer, correct };
  });
  return { played, score };
}

/** The attempt's own keys, as startAttempt, answerQuestion and getResults leave them. */
function ownKeyOps({ attemptId, drawn, requested, topic, finishedAt, played, score }: FinishedAttempt): Op[] {
  const attemptKey = quizKeys.attempt(attemptId);
  const refs = refsOf(drawn.questions);
  const answers = played.map(({ question: q, answer }) => ({ q, encoded: encodeAnswer(answer) }));
  return [
    op.hset(attemptKey, {
      ...Object.fromEntries(answers.map(({ q, encoded }) => [`${F.answerPrefix}${q.id}`, encoded])),
      [F.questions]: encodeRefs(refs),
      [F.created]: String(finishedAt - 5 * 60 * 1000),
      [F.length]: String(drawn.length),
      [F.requested]: String(requested),
      [F.topic]: topic ?? "",
      [F.challengeOf]: "",
      [F.answered]: String(drawn.length),
      [F.score]: String(score),
      [F.finishedAt]: String(finishedAt),
    }),
    op.expire(attemptKey, QUIZ_TTL.attempt),
    ...answers.map(({ q, encoded }) => op.set(quizKeys.slot(attemptId, q.id, q.version), encoded, { ttlSeconds: QUIZ_TTL.attempt })),
    op.set(quizKeys.finished(attemptId), String(finishedAt), { ttlSeconds: QUIZ_TTL.attempt }),
  ];
}

export interface FillRequest {
  count: number;
  /** Seeds the simulated players, so two runs fill alike. */
  seed: number;
  /** Also write each attempt's own keys, not only what it adds to the shared counters. */
  records: boolean;
}

/** Writes `count` finished attempts; returns how long it took. */
export async function fillFinishedAttempts(store: Store, { count, seed, records }: FillRequest): Promise<{ written: number; ms: number }> {
  const bank = getBank().list();
  const statsKeys = new Map(bank.map((question) => [question, questionKeys.stats(question.id, question.version)]));
  const random = seeded(seed);
  const started = performance.now();
  const now = Date.now();
  for (let done = 0; done < count; ) {
    // Without own keys, a whole request's counters fit in one store call.
    const batch = Math.min(records ? ATTEMPTS_PER_CALL : count, count - done);
    const ids = records ? randomBytes(16 * batch) : Buffer.alloc(0);
    const tallies = { stats: new Tally(QUESTION_STATS_TTL), buckets: new Tally(QUIZ_TTL.scoreBuckets) };
    const ops: Op[] = [];
    for (let i = 0; i < batch; i += 1) {
      const topic = random.next() < TOPIC_SHARE ? Topic.options[random.int(Topic.options.length)] : undefined;
      const requested = topic ? 10 : (QUIZ_LENGTHS[random.int(QUIZ_LENGTHS.length)] ?? 10);
      const drawn = drawAttempt(bank, { length: requested, topic }, random.int);
      const { played, score } = play(drawn, random);
      for (const { question, answer, correct } of played) {
        const statsKey = statsKeys.get(question) as string;
        tallies.stats.add(statsKey, "total");
        tallies.stats.add(statsKey, "correct", correct ? 1 : 0);
        tallies.stats.add(statsKey, choiceField(question, answer));
      }
      tallies.buckets.add(quizKeys.scoreBuckets(drawn.length), String(score));
      if (records) {
        const attemptId = ids.subarray(16 * i, 16 * (i + 1)).toString("base64url");
        // Finished some time in the last 30 days: attempts older than that have expired.
        const finishedAt = now - Math.floor(random.next() * QUIZ_TTL.attempt * 1000);
        ops.push(...ownKeyOps({ attemptId, drawn, requested, topic, finishedAt, played, score }));
      }
    }
    ops.push(...tallies.stats.ops(), ...tallies.buckets.ops());
    await store.exec(ops);
    done += batch;
  }
  return { written: count, ms: performance.now() - started };
}

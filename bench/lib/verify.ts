import { questionKeys } from "@/lib/questions/stats";
import { quizKeys } from "@/lib/quiz/keys";
import { parseBuckets } from "@/lib/quiz/percentile";
import { parseAttempt } from "@/lib/quiz/record";
import { normalizeAnswer, sameAnswer } from "@/lib/questions/scoring";
import { op, type Store } from "@/lib/store";
import { QUIZ_LENGTH, type PlannedAnswer, type Player } from "./crowd";

/**
 * The store after a run, against what the crowd sent and what the server
 * acknowledged. Exact, not approximate:
 * - every acknowledged answer is stored in its attempt, as sent;
 * - an unacknowledged one is stored as sent or not at all (never another answer);
 * - each attempt's `answered` and `score` equal its stored answers;
 * - each question's statistics (`total`, `correct`, and the per-choice
 *   fields, which add up to `total`) equal the stored answers to it:
 *   nothing lost, nothing counted twice;
 * - the score distribution counts each finished attempt once, at its score.
 */

export interface Verification {
  problems: string[];
  acknowledged: number;
  stored: number;
  /** Sum of the per-question `total` counters. */
  counted: number;
  rightCounted: number;
  finishedCounted: number;
}

const MAX_PROBLEMS_LISTED = 20;

/** Reads a hash per key, in batches (one round trip each). */
async function readHashes(store: Store, keys: readonly string[]): Promise<Record<string, string>[]> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 200) batches.push(keys.slice(i, i + 200));
  const replies = await Promise.all(batches.map((batch) => store.exec(batch.map((key) => op.hgetall(key)))));
  return replies.flat();
}

const attemptKeys = (players: readonly Player[]) => players.map((player) => quizKeys.attempt(player.attemptId));

export async function verifyStore(
  store: Store,
  run: { players: readonly Player[]; plans: readonly PlannedAnswer[]; acknowledged: ReadonlySet<PlannedAnswer>; finished: readonly Player[] },
): Promise<Verification> {
  const problems: string[] = [];
  const hashes = await readHashes(store, attemptKeys(run.players));
  const attempts = new Map(run.players.map((player, i) => [player, parseAttempt(player.attemptId, hashes[i] ?? {})]));

  // Per question (id@version): stored answers and right ones, from the attempts.
  const expected = new Map<string, { total: number; correct: number }>();
  const scores = new Map<Player, number>();
  let stored = 0;
  for (const plan of run.plans) {
    const attempt = attempts.get(plan.player);
    const label = `${plan.player.attemptId}/${plan.question.id}`;
    if (!attempt) {
      problems.push(`attempt ${plan.player.attemptId} is missing`);
      continue;
    }
    const answer = attempt.answers.get(plan.question.id);
    if (answer === undefined) {
      if (run.acknowledged.has(plan)) problems.push(`acknowledged answer lost: ${label}`);
      continue;
    }
    if (!sameAnswer(answer, normalizeAnswer(plan.question, plan.answer))) problems.push(`stored answer differs from the one sent: ${label}`);
    stored += 1;
    const key = `${plan.question.id}@${plan.question.version}`;
    const stats = expected.get(key) ?? { total: 0, correct: 0 };
    stats.total += 1;
    stats.correct += plan.right ? 1 : 0;
    expected.set(key, stats);
    scores.set(plan.player, (scores.get(plan.player) ?? 0) + (plan.right ? 1 : 0));
  }

  for (const [player, attempt] of attempts) {
    if (!attempt) continue;
    const score = scores.get(player) ?? 0;
    if (attempt.answered !== attempt.answers.size || attempt.score !== score) {
      problems.push(`attempt ${player.attemptId}: answered ${attempt.answered}, score ${attempt.score}; stored answers ${attempt.answers.size}, right ${score}`);
    }
  }

  const statsKeys = [...expected.keys()];
  const statsHashes = await readHashes(
    store,
    statsKeys.map((key) => {
      const [id = "", version = ""] = key.split("@");
      return questionKeys.stats(id, Number(version));
    }),
  );
  let counted = 0;
  let rightCounted = 0;
  statsKeys.forEach((key, i) => {
    const hash = statsHashes[i] ?? {};
    const want = expected.get(key) ?? { total: 0, correct: 0 };
    const total = Number(hash.total ?? 0);
    const correct = Number(hash.correct ?? 0);
    const choices = Object.entries(hash)
      .filter(([field]) => field.startsWith("choice:") || field.startsWith("order:"))
      .reduce((sum, [, value]) => sum + Number(value), 0);
    counted += total;
    rightCounted += correct;
    if (total !== want.total || correct !== want.correct || choices !== want.total) {
      problems.push(`question ${key}: counted total ${total}, correct ${correct}, choices ${choices}; stored answers ${want.total}, right ${want.correct}`);
    }
  });

  // The score distribution: one count per finished attempt, at its score.
  const [bucketHash] = await readHashes(store, [quizKeys.scoreBuckets(QUIZ_LENGTH)]);
  const buckets = parseBuckets(bucketHash ?? {});
  const wantBuckets = new Map<number, number>();
  for (const player of new Set(run.finished)) {
    const score = scores.get(player) ?? 0;
    wantBuckets.set(score, (wantBuckets.get(score) ?? 0) + 1);
  }
  for (const score of new Set([...buckets.keys(), ...wantBuckets.keys()])) {
    if ((buckets.get(score) ?? 0) !== (wantBuckets.get(score) ?? 0)) {
      problems.push(`score ${score}/${QUIZ_LENGTH}: ${buckets.get(score) ?? 0} finished attempts counted, ${wantBuckets.get(score) ?? 0} expected`);
    }
  }

  const listed = problems.length > MAX_PROBLEMS_LISTED ? [...problems.slice(0, MAX_PROBLEMS_LISTED), `… and ${problems.length - MAX_PROBLEMS_LISTED} more`] : problems;
  return {
    problems: listed,
    acknowledged: run.acknowledged.size,
    stored,
    counted,
    rightCounted,
    finishedCounted: [...buckets.values()].reduce((sum, n) => sum + n, 0),
  };
}

import "server-only";
import { op } from "@/lib/store";
import type { Topic } from "@/lib/content/schemas";
import { linkResultOp, newShareId } from "@/lib/share/result-links";
import { readAttempt, correctness } from "./attempts";
import { assertAttemptId, type QuizContext } from "./context";
import { choiceOrder } from "./draw";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { buildFeedback, displayAnswer, feedbackFrom } from "./feedback";
import { ATTEMPT_FIELDS as F, QUIZ_TTL, quizKeys } from "./keys";
import { parseBuckets, percentile, type Percentile } from "./percentile";
import { toPublicQuestion } from "./public";
import { isComplete, parseAttempt, type AttemptRecord } from "./record";
import type { AnswerFeedback, AnswerInput, PublicQuestion, Question } from "./schemas";

/**
 * Results of a finished attempt (counted into the score buckets exactly
 * once) and the practice round of missed questions.
 */

// ---------------------------------------------------------------- results

export interface ReviewItem {
  index: number;
  kind: Question["kind"];
  questionId: string;
  prompt: string;
  /** The quotation of a "who said it" question. */
  quote: string | undefined;
  /** As a person reads it: option text, "True"/"False", or item texts in order. */
  playerAnswer: string | string[];
  feedback: AnswerFeedback;
  /** Share (0–1) of all players who got this question (this version) right; null before anyone has. */
  shareCorrect: number | null;
  answeredBy: number;
}

/** One question of a challenge, both players' marks. */
export interface ChallengeRow {
  index: number;
  questionId: string;
  prompt: string;
  /** This player. */
  you: boolean;
  /** The challenger; null if they left it unanswered. */
  them: boolean | null;
}

/** The challenger's result next to this player's. Server-side only: `attemptId` is the challenger's private key. */
export interface ChallengeComparison {
  attemptId: string;
  score: number;
  total: number;
  nickname: string | undefined;
  finished: boolean;
  /** This attempt's questions in order, which are the challenger's (less any updated since). */
  questions: ChallengeRow[];
}

export interface QuizResults {
  attemptId: string;
  score: number;
  total: number;
  topic: Topic | undefined;
  finishedAt: number;
  nickname: string | undefined;
  /** Among players of quizzes of the same length. */
  percentile: Percentile;
  review: ReviewItem[];
  challenge: ChallengeComparison | null;
  /** The public, spoiler-free link to this result (lib/share/result-links.ts). */
  shareId: string;
}

const isHash = (value: unknown): value is Record<string, string> => typeof value === "object" && value !== null && !Array.isArray(value);

function statsOf(hash: Record<string, string> | undefined): { total: number; correct: number } {
  const total = Number(hash?.total ?? 0);
  const correct = Number(hash?.correct ?? 0);
  return { total: Number.isFinite(total) ? total : 0, correct: Number.isFinite(correct) ? correct : 0 };
}

/** Right or wrong per question of the attempt, in order: null if unanswered, wrong if gone from the bank. */
function marksOf(ctx: QuizContext, attempt: AttemptRecord): (boolean | null)[] {
  return attempt.questions.map((ref) => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    if (answer === undefined) return null;
    return question ? correctness(question, answer) : false;
  });
}

function compare(ctx: QuizContext, attempt: AttemptRecord, challenger: AttemptRecord): ChallengeComparison {
  const challengerMarks = marksOf(ctx, challenger);
  const theirs = new Map(challenger.questions.map((ref, index) => [ref.id, challengerMarks[index] ?? null]));
  const yours = marksOf(ctx, attempt);
  return {
    attemptId: challenger.id,
    score: challenger.score,
    total: challenger.questions.length,
    nickname: challenger.nickname,
    finished: challenger.finishedAt !== undefined,
    questions: attempt.questions.map((ref, index) => ({
      index,
      questionId: ref.id,
      prompt: ctx.bank.get(ref.id)?.prompt ?? "",
      you: yours[index] === true,
      them: theirs.get(ref.id) ?? null,
    })),
  };
}

/**
 * Two round trips. The keys to read (question statistics, the score
 * buckets of this length) are only known from the attempt hash, so it is
 * read first. Then:
 * - the first time a complete attempt is viewed, one `execIf` guarded by
 *   `quiz:att:{id}:finished` (must be absent) adds the score to the
 *   buckets, stamps `finishedAt`, creates the public share link and reads
 *   everything in the same transaction, so a score is counted exactly once
 *   however many tabs load the page;
 * - afterwards (or for a tab that lost that race: a third round trip), a
 *   plain `exec` of the same reads.
 * An attempt without a share link (finished before links existed, or the
 * tab that lost the race) gets one with those reads. Two racing tabs may
 * each create one: both links work, and the attempt keeps the last.
 */
export async function getResults(ctx: QuizContext, attemptId: string): Promise<QuizResults> {
  const attempt = await readAttempt(ctx, attemptId);
  if (!isComplete(attempt)) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);

  const attemptKey = quizKeys.attempt(attemptId);
  const shareId = attempt.shareId ?? newShareId();
  // The expire: a hash that expired since it was read must not come back without a TTL.
  const linkWrites =
    attempt.shareId === undefined
      ? [
          linkResultOp(shareId, { attemptId, length: attempt.length }),
          op.hset(attemptKey, { [F.shareId]: shareId }),
          op.expire(attemptKey, QUIZ_TTL.attempt),
        ]
      : [];
  const bucketsKey = quizKeys.scoreBuckets(attempt.length);
  const reads = [
    op.hgetall(bucketsKey),
    ...attempt.questions.map((ref) => op.hgetall(quizKeys.questionStats(ref.id, ref.version))),
    ...(attempt.challengeOf ? [op.hgetall(quizKeys.attempt(attempt.challengeOf))] : []),
  ];

  let finishedAt = attempt.finishedAt;
  let values: unknown[];
  if (finishedAt === undefined) {
    const stamp = ctx.now();
    const writes = [
      op.hincrby(bucketsKey, String(attempt.score), 1),
      op.expire(bucketsKey, QUIZ_TTL.scoreBuckets),
      op.hset(attemptKey, { [F.finishedAt]: String(stamp) }),
      op.expire(attemptKey, QUIZ_TTL.attempt),
      ...linkWrites,
    ];
    const outcome = await ctx.store.execIf(
      { key: quizKeys.finished(attemptId), expect: null, value: String(stamp), ttlSeconds: QUIZ_TTL.attempt },
      [...writes, ...reads],
    );
    if (outcome.applied) {
      finishedAt = stamp;
      values = outcome.results.slice(writes.length);
    } else {
      finishedAt = Number(outcome.current) || stamp;
      values = (await ctx.store.exec([...linkWrites, ...reads])).slice(linkWrites.length);
    }
  } else {
    values = (await ctx.store.exec([...linkWrites, ...reads])).slice(linkWrites.length);
  }

  const hashes = values.map((value) => (isHash(value) ? value : {}));
  const [buckets, ...rest] = hashes;
  const questionStats = rest.slice(0, attempt.questions.length);
  const challengerHash = attempt.challengeOf ? rest[attempt.questions.length] : undefined;

  const review = attempt.questions.flatMap((ref, index): ReviewItem[] => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    if (!question || answer === undefined) return [];
    const stats = statsOf(questionStats[index]);
    return [
      {
        index,
        kind: question.kind,
        questionId: question.id,
        prompt: question.prompt,
        quote: question.kind === "who-said" ? question.quote : undefined,
        playerAnswer: displayAnswer(question, answer),
        feedback: feedbackFrom(question, correctness(question, answer), ctx.bank.lookups),
        shareCorrect: stats.total > 0 ? stats.correct / stats.total : null,
        answeredBy: stats.total,
      },
    ];
  });

  const challenger = attempt.challengeOf && challengerHash ? parseAttempt(attempt.challengeOf, challengerHash) : null;
  return {
    attemptId,
    score: attempt.score,
    total: attempt.questions.length,
    topic: attempt.topic,
    finishedAt,
    nickname: attempt.nickname,
    percentile: percentile(parseBuckets(buckets ?? {}), attempt.score),
    review,
    challenge: challenger ? compare(ctx, attempt, challenger) : null,
    shareId,
  };
}

// ---------------------------------------------------------------- public summary

/** A finished result as anyone with its share link may see it: marks, never answers. */
export interface ResultSummary {
  score: number;
  total: number;
  /** Right or wrong, per question in order. */
  marks: boolean[];
  /** Only when the player chose one for the leaderboard. */
  nickname: string | undefined;
  percentile: Percentile;
  topic: Topic | undefined;
  /** The length the player asked for (5, 10 or 20), which a challenge starts with. */
  requested: number;
}

/**
 * One round trip: the attempt and the score buckets of its length, which
 * the share link stores so both can be read together. A link whose length
 * does not match its attempt is treated as gone.
 */
export async function getResultSummary(ctx: QuizContext, attemptId: string, length: number): Promise<ResultSummary> {
  assertAttemptId(attemptId);
  const [hash, buckets] = await ctx.store.exec([
    op.hgetall(quizKeys.attempt(attemptId)),
    op.hgetall(quizKeys.scoreBuckets(length)),
  ]);
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt || attempt.length !== length) throw new QuizError("not_found", QUIZ_MESSAGES.resultExpired);
  if (attempt.finishedAt === undefined) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  return {
    score: attempt.score,
    total: attempt.questions.length,
    marks: marksOf(ctx, attempt).map((mark) => mark === true),
    nickname: attempt.nickname,
    percentile: percentile(parseBuckets(buckets), attempt.score),
    topic: attempt.topic,
    requested: attempt.requested,
  };
}

// ---------------------------------------------------------------- practice

/**
 * "Retry the ones I missed": a practice round that never touches the
 * recorded score or the statistics. Decision: no practice record at all —
 * the round is the list of missed questions, and each practice answer is
 * checked against the key without a write. Only questions this finished
 * attempt already missed (whose answer the player has seen) can be
 * checked, so practice is not a way to read the key of unseen questions.
 */
function missedQuestions(ctx: QuizContext, attempt: AttemptRecord): Question[] {
  if (!isComplete(attempt)) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  return attempt.questions.flatMap((ref) => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    return question && answer !== undefined && !correctness(question, answer) ? [question] : [];
  });
}

/** One round trip (read). Fresh shuffles; empty when nothing was missed. */
export async function retryMissed(ctx: QuizContext, attemptId: string): Promise<PublicQuestion[]> {
  const missed = missedQuestions(ctx, await readAttempt(ctx, attemptId));
  return missed.map((question, index) => toPublicQuestion(question, choiceOrder(question, ctx.random), index, missed.length));
}

/** One round trip (read), no write. */
export async function checkPractice(ctx: QuizContext, attemptId: string, input: AnswerInput): Promise<AnswerFeedback> {
  const missed = missedQuestions(ctx, await readAttempt(ctx, attemptId));
  const question = missed.find((q) => q.id === input.questionId);
  if (!question) throw new QuizError("not_found", "That question is not in this practice round.");
  return buildFeedback(question, input.answer, ctx.bank.lookups);
}

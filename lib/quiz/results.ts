import "server-only";
import { op } from "@/lib/store";
import type { Topic } from "@/lib/content/schemas";
import { readAttempt, correctness } from "./attempts";
import type { QuizContext } from "./context";
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

export interface ChallengeComparison {
  attemptId: string;
  score: number;
  total: number;
  nickname: string | undefined;
  finished: boolean;
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
}

const isHash = (value: unknown): value is Record<string, string> => typeof value === "object" && value !== null && !Array.isArray(value);

function statsOf(hash: Record<string, string> | undefined): { total: number; correct: number } {
  const total = Number(hash?.total ?? 0);
  const correct = Number(hash?.correct ?? 0);
  return { total: Number.isFinite(total) ? total : 0, correct: Number.isFinite(correct) ? correct : 0 };
}

/**
 * Two round trips. The keys to read (question statistics, the score
 * buckets of this length) are only known from the attempt hash, so it is
 * read first. Then:
 * - the first time a complete attempt is viewed, one `execIf` guarded by
 *   `quiz:att:{id}:finished` (must be absent) adds the score to the
 *   buckets, stamps `finishedAt` and reads everything in the same
 *   transaction, so a score is counted exactly once however many tabs
 *   load the page;
 * - afterwards (or for a tab that lost that race: a third round trip), a
 *   plain `exec` of the same reads.
 */
export async function getResults(ctx: QuizContext, attemptId: string): Promise<QuizResults> {
  const attempt = await readAttempt(ctx, attemptId);
  if (!isComplete(attempt)) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);

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
    const outcome = await ctx.store.execIf(
      { key: quizKeys.finished(attemptId), expect: null, value: String(stamp), ttlSeconds: QUIZ_TTL.attempt },
      [
        op.hincrby(bucketsKey, String(attempt.score), 1),
        op.expire(bucketsKey, QUIZ_TTL.scoreBuckets),
        op.hset(quizKeys.attempt(attemptId), { [F.finishedAt]: String(stamp) }),
        op.expire(quizKeys.attempt(attemptId), QUIZ_TTL.attempt),
        ...reads,
      ],
    );
    if (outcome.applied) {
      finishedAt = stamp;
      values = outcome.results.slice(4);
    } else {
      finishedAt = Number(outcome.current) || stamp;
      values = await ctx.store.exec(reads);
    }
  } else {
    values = await ctx.store.exec(reads);
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
    challenge: challenger
      ? {
          attemptId: challenger.id,
          score: challenger.score,
          total: challenger.questions.length,
          nickname: challenger.nickname,
          finished: challenger.finishedAt !== undefined,
        }
      : null,
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

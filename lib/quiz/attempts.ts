import "server-only";
import { randomBytes } from "node:crypto";
import { op } from "@/lib/store";
import type { Topic } from "@/lib/content/schemas";
import { assertAttemptId, type QuizContext } from "./context";
import { choiceOrder, drawAttempt, type DrawnQuestion } from "./draw";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { buildFeedback, displayAnswer, feedbackFrom } from "./feedback";
import { ATTEMPT_FIELDS as F, QUIZ_TTL, quizKeys } from "./keys";
import { parseBuckets, percentile, type Percentile } from "./percentile";
import { toPublicQuestion } from "./public";
import { encodeQuestions, isComplete, parseAttempt, type AttemptRecord } from "./record";
import { answerKey, encodeAnswer, decodeAnswer, isCorrect, normalizeAnswer, sameAnswer } from "./scoring";
import type { AnswerFeedback, AnswerInput, NormalizedAnswer, PublicQuestion, Question, StartQuizInput } from "./schemas";

/**
 * Attempts in the store. Each request is as few round trips as the data
 * allows (noted per function); the quiz never reads and then writes what
 * a single guarded transaction can do.
 */

const notFound = () => new QuizError("not_found", QUIZ_MESSAGES.attemptNotFound);

/** 16 random bytes → 22 base64url characters: 128 bits, unguessable. */
export function newAttemptId(): string {
  return randomBytes(16).toString("base64url");
}

async function readAttempt(ctx: QuizContext, attemptId: string): Promise<AttemptRecord> {
  assertAttemptId(attemptId);
  const [hash] = await ctx.store.exec([op.hgetall(quizKeys.attempt(attemptId))]);
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw notFound();
  return attempt;
}

// ---------------------------------------------------------------- start

export interface StartedAttempt {
  attemptId: string;
  /** Actual number of questions (a topic may have fewer than asked for). */
  length: number;
  requestedLength: number;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  questions: PublicQuestion[];
}

/** A challenger's questions again (same ids, same order), with fresh shuffles; dropped if gone from the bank. */
function redraw(ctx: QuizContext, challenger: AttemptRecord): DrawnQuestion[] {
  return challenger.questions.flatMap((ref) => {
    const question = ctx.bank.get(ref.id);
    return question ? [{ question, order: choiceOrder(question, ctx.random) }] : [];
  });
}

/**
 * One round trip (`exec`): the attempt hash and one "pending" slot per
 * question, all with the attempt TTL. With `challengeOf`, one more before
 * it, to read the challenger's questions.
 */
export async function startAttempt(
  ctx: QuizContext,
  input: StartQuizInput,
  options: { challengeOf?: string } = {},
): Promise<StartedAttempt> {
  let drawn: DrawnQuestion[];
  let requested: number = input.length;
  let topic = input.topic;
  if (options.challengeOf !== undefined) {
    const challenger = await readAttempt(ctx, options.challengeOf).catch(() => {
      throw new QuizError("not_found", "This challenge has expired (quizzes are kept for 30 days). Start a new quiz instead.");
    });
    drawn = redraw(ctx, challenger);
    requested = challenger.requested;
    topic = challenger.topic;
  } else {
    drawn = drawAttempt(ctx.bank.list(), { length: input.length, topic }, ctx.random).questions;
  }
  if (drawn.length === 0) throw new QuizError("not_found", "There are no questions on this topic yet. Try another topic.");

  const attemptId = newAttemptId();
  const attemptKey = quizKeys.attempt(attemptId);
  const refs = drawn.map(({ question, order }) => ({ id: question.id, version: question.version, order }));
  await ctx.store.exec([
    op.hset(attemptKey, {
      [F.questions]: encodeQuestions(refs),
      [F.created]: String(ctx.now()),
      [F.length]: String(drawn.length),
      [F.requested]: String(requested),
      [F.topic]: topic ?? "",
      [F.challengeOf]: options.challengeOf ?? "",
      [F.answered]: "0",
      [F.score]: "0",
    }),
    op.expire(attemptKey, QUIZ_TTL.attempt),
    ...refs.map((ref) => op.set(quizKeys.slot(attemptId, ref.id, ref.version), "pending", { ttlSeconds: QUIZ_TTL.attempt })),
  ]);
  return {
    attemptId,
    length: drawn.length,
    requestedLength: requested,
    topic,
    challengeOf: options.challengeOf,
    questions: drawn.map(({ question, order }, index) => toPublicQuestion(question, order, index, drawn.length)),
  };
}

// ---------------------------------------------------------------- view

export interface Progress {
  answered: number;
  score: number;
  total: number;
  /** 0-based index of the first unanswered question, or null when all are answered. */
  nextIndex: number | null;
}

function progressOf(attempt: AttemptRecord): Progress {
  const next = attempt.questions.findIndex((ref) => !attempt.answers.has(ref.id));
  return { answered: attempt.answers.size, score: attempt.score, total: attempt.questions.length, nextIndex: next < 0 ? null : next };
}

export interface AttemptQuestionView {
  question: PublicQuestion;
  /** Present once answered: then the page shows the feedback instead of the form. */
  feedback: AnswerFeedback | null;
}

export interface AttemptView {
  attemptId: string;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  finished: boolean;
  nickname: string | undefined;
  progress: Progress;
  questions: AttemptQuestionView[];
}

function correctness(question: Question, answer: NormalizedAnswer): boolean {
  try {
    return isCorrect(question, answer);
  } catch {
    return false; // the question changed under a stored answer: count it as wrong, don't fail the page
  }
}

/** One round trip: the attempt hash holds the questions, their order and the answers. */
export async function getAttempt(ctx: QuizContext, attemptId: string): Promise<AttemptView> {
  const attempt = await readAttempt(ctx, attemptId);
  const total = attempt.questions.length;
  const questions = attempt.questions.flatMap((ref, index): AttemptQuestionView[] => {
    const question = ctx.bank.get(ref.id);
    if (!question) return [];
    const answer = attempt.answers.get(ref.id);
    return [
      {
        question: toPublicQuestion(question, ref.order, index, total),
        feedback: answer === undefined ? null : feedbackFrom(question, correctness(question, answer), ctx.bank.lookups),
      },
    ];
  });
  return {
    attemptId,
    topic: attempt.topic,
    challengeOf: attempt.challengeOf,
    finished: attempt.finishedAt !== undefined,
    nickname: attempt.nickname,
    progress: progressOf(attempt),
    questions,
  };
}

// ---------------------------------------------------------------- answer

export interface AnswerResult {
  feedback: AnswerFeedback;
  progress: Progress;
  /** True when this exact answer had already been recorded (a double submit): nothing was counted twice. */
  replay: boolean;
}

/** The statistics field for the choice made: `choice:{optionId}`, `choice:true`, or `order:{ids in the player's order}`. */
function choiceField(question: Question, answer: NormalizedAnswer): string {
  return question.kind === "order" && Array.isArray(answer) ? `order:${answer.join(">")}` : `choice:${String(answer)}`;
}

/**
 * One round trip: a compare-and-set of the slot from "pending" to the
 * answer, with the statistics and attempt counters in the same atomic
 * transaction. The server already knows from the bank whether the answer
 * is right, so nothing is read first. The slot key carries the question
 * version, so the CAS also proves the question belongs to this attempt.
 *
 * Not applied: no slot (attempt expired, question not in it, or updated
 * since) → not_found; the same answer again → the same feedback, counted
 * once (one more round trip to read progress); another answer → conflict.
 */
export async function answerQuestion(ctx: QuizContext, attemptId: string, input: AnswerInput): Promise<AnswerResult> {
  assertAttemptId(attemptId);
  const question = ctx.bank.get(input.questionId);
  if (!question) throw new QuizError("not_found", QUIZ_MESSAGES.questionNotInAttempt);
  const answer = normalizeAnswer(question, input.answer);
  const correct = sameAnswer(answer, answerKey(question));
  const encoded = encodeAnswer(answer);

  const attemptKey = quizKeys.attempt(attemptId);
  const statsKey = quizKeys.questionStats(question.id, question.version);
  const outcome = await ctx.store.execIf(
    { key: quizKeys.slot(attemptId, question.id, question.version), expect: "pending", value: encoded },
    [
      op.hincrby(statsKey, "total", 1),
      op.hincrby(statsKey, "correct", correct ? 1 : 0),
      op.hincrby(statsKey, choiceField(question, answer), 1),
      op.expire(statsKey, QUIZ_TTL.questionStats),
      op.hincrby(attemptKey, F.answered, 1),
      op.hincrby(attemptKey, F.score, correct ? 1 : 0),
      op.hset(attemptKey, { [`${F.answerPrefix}${question.id}`]: encoded }),
      // Writing to a hash never sets a TTL; refreshing it here means that even
      // a hash that expired a millisecond before its slot is not recreated forever.
      op.expire(attemptKey, QUIZ_TTL.attempt),
      op.hgetall(attemptKey),
    ],
  );

  let hash: Record<string, string>;
  if (outcome.applied) {
    hash = outcome.results[8];
  } else {
    if (outcome.current === null) throw new QuizError("not_found", QUIZ_MESSAGES.questionNotInAttempt);
    const stored = decodeAnswer(outcome.current);
    if (stored === null || !sameAnswer(stored, answer)) {
      throw new QuizError("conflict", QUIZ_MESSAGES.alreadyAnsweredDifferently);
    }
    [hash] = await ctx.store.exec([op.hgetall(attemptKey)]);
  }
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw notFound();
  return {
    feedback: buildFeedback(question, answer, ctx.bank.lookups),
    progress: progressOf(attempt),
    replay: !outcome.applied,
  };
}

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

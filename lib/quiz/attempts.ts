import "server-only";
import { randomBytes } from "node:crypto";
import { fingerprint, idempotencyErrors, runOnce } from "@/lib/http/idempotency";
import type { Requester } from "@/lib/http/requester";
import { choiceOrder, drawAttempt, type DrawnQuestion } from "@/lib/questions/draw";
import { buildFeedback, feedbackFrom } from "@/lib/questions/feedback";
import { toPublicQuestion } from "@/lib/questions/public";
import { encodeRefs, refsOf } from "@/lib/questions/refs";
import type { AnswerInput } from "@/lib/questions/requests";
import { encodeAnswer, isRightAnswer, normalizeAnswer, sameAnswer } from "@/lib/questions/scoring";
import { countAnswerOps } from "@/lib/questions/stats";
import { rateLimits } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { execIfNamed, execNamed, op } from "@/lib/store";
import { StoreUnavailableError } from "@/lib/store/errors";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { ATTEMPT_FIELDS as F, QUIZ_TTL, quizKeys } from "./keys";
import { QUIZ_RATE_LIMITS as LIMITS } from "./limits";
import { parseAttempt, type AttemptRecord } from "./record";
import { assertAttemptId, type StartQuizInput } from "./requests";
import { decodeSlot, encodeSlot } from "./slot";
import type { AnswerResult, AttemptQuestionView, AttemptView, Progress, ResumePoint, StartedAttempt } from "./views";

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

export async function readAttempt(ctx: ServiceContext, attemptId: string): Promise<AttemptRecord> {
  assertAttemptId(attemptId);
  const { hash } = await execNamed(ctx.store, { hash: op.hgetall(quizKeys.attempt(attemptId)) });
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw notFound();
  return attempt;
}

// ---------------------------------------------------------------- start

/**
 * A challenger's questions again (same ids, same versions, same order), with
 * fresh shuffles. The bank only holds each question's current version, so a
 * question removed or changed since (a new version is a different question)
 * is left out: both players are only ever compared on the same questions.
 */
function redraw(ctx: ServiceContext, challenger: AttemptRecord): DrawnQuestion[] {
  return challenger.questions.flatMap((ref) => {
    const question = ctx.bank.get(ref.id);
    return question?.version === ref.version ? [{ question, order: choiceOrder(question, ctx.random) }] : [];
  });
}

/**
 * One round trip: an `execIf` that creates the first question's "pending"
 * slot (it must be absent: a fresh 128-bit id always finds it so) with the
 * client's start limit counted in the same transaction, and writes the
 * attempt hash and the other slots, all with the attempt TTL. Over the
 * limit, nothing is written (429). With `challengeOf`, one more before it,
 * to read the challenger's questions.
 */
export async function startAttempt(
  ctx: ServiceContext,
  input: StartQuizInput,
  requester: Requester,
  options: { challengeOf?: string } = {},
): Promise<StartedAttempt> {
  let drawn: DrawnQuestion[];
  let requested: number = input.length;
  let topic = input.topic;
  if (options.challengeOf !== undefined) {
    const challenger = await readAttempt(ctx, options.challengeOf).catch((error: unknown) => {
      // Only a missing attempt is an expired challenge; a store outage stays a 503.
      if (error instanceof QuizError && error.code === "not_found") throw new QuizError("not_found", QUIZ_MESSAGES.challengeExpired);
      throw error;
    });
    drawn = redraw(ctx, challenger);
    requested = challenger.requested;
    topic = challenger.topic;
  } else {
    drawn = drawAttempt(ctx.bank.list(), { length: input.length, topic }, ctx.random).questions;
  }
  if (drawn.length === 0) {
    throw new QuizError(
      "not_found",
      options.challengeOf === undefined ? "There are no questions on this topic yet. Try another topic." : QUIZ_MESSAGES.challengeOutdated,
    );
  }

  const attemptId = newAttemptId();
  const attemptKey = quizKeys.attempt(attemptId);
  const refs = refsOf(drawn);
  const [first, ...rest] = refs.map((ref) => quizKeys.slot(attemptId, ref.id, ref.version));
  const limits = rateLimits([{ rule: LIMITS.startsPerClient, subject: requester.client }], ctx.now());
  const outcome = await execIfNamed(ctx.store, { key: first as string, expect: null, value: "pending", ttlSeconds: QUIZ_TTL.attempt, limits: limits.guard }, {
    attempt: op.hset(attemptKey, {
      [F.questions]: encodeRefs(refs),
      [F.created]: String(ctx.now()),
      [F.length]: String(drawn.length),
      [F.requested]: String(requested),
      [F.topic]: topic ?? "",
      [F.challengeOf]: options.challengeOf ?? "",
      [F.answered]: "0",
      [F.score]: "0",
    }),
    attemptTtl: op.expire(attemptKey, QUIZ_TTL.attempt),
    otherSlots: rest.map((slot) => op.set(slot, "pending", { ttlSeconds: QUIZ_TTL.attempt })),
  });
  limits.throwIfRefused(outcome);
  if (!outcome.applied) throw new Error("A new attempt id collided with a live attempt");
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

function progressOf(attempt: AttemptRecord): Progress {
  const next = attempt.questions.findIndex((ref) => !attempt.answers.has(ref.id));
  return { answered: attempt.answers.size, score: attempt.score, total: attempt.questions.length, nextIndex: next < 0 ? null : next };
}

/** One round trip: the attempt hash holds the questions, their order and the answers. */
export async function getAttempt(ctx: ServiceContext, attemptId: string): Promise<AttemptView> {
  const attempt = await readAttempt(ctx, attemptId);
  const total = attempt.questions.length;
  const questions = attempt.questions.flatMap((ref, index): AttemptQuestionView[] => {
    const question = ctx.bank.get(ref.id);
    if (!question) return [];
    const answer = attempt.answers.get(ref.id);
    return [
      {
        question: toPublicQuestion(question, ref.order, index, total),
        feedback: answer === undefined ? null : feedbackFrom(question, answer, ctx.bank.lookups),
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

/**
 * One round trip (read): where an unfinished attempt carries on; null once
 * every question is answered, or when it is gone. Resuming is an offer on a
 * page that must still render: a store outage offers nothing.
 */
export async function getResumePoint(ctx: ServiceContext, attemptId: string): Promise<ResumePoint | null> {
  const attempt = await readAttempt(ctx, attemptId).catch((error: unknown) => {
    if ((error instanceof QuizError && error.code === "not_found") || error instanceof StoreUnavailableError) return null;
    throw error;
  });
  if (!attempt) return null;
  const { nextIndex, total } = progressOf(attempt);
  return nextIndex === null ? null : { attemptId, question: nextIndex + 1, total };
}

// ---------------------------------------------------------------- answer

/**
 * One round trip: a compare-and-set of the slot from "pending" to the
 * answer, with the statistics and attempt counters in the same atomic
 * transaction, and the attempt's and the client's answer limits counted in
 * it (over either, nothing is written: 429). The server already knows from
 * the bank whether the answer is right, so nothing is read first. The slot
 * key carries the question version, so the CAS also proves the question
 * belongs to this attempt.
 *
 * Not applied: no slot (attempt expired, question not in it, or updated
 * since) → not_found; the same answer again → the same feedback, counted
 * once (one more round trip to read progress); another answer → conflict.
 *
 * Idempotency: the key is written into the slot with the answer (see
 * slot.ts), in that same compare-and-set. A retry with the key finds it
 * there: the same answer gets the first response again (`replay: false`,
 * as the first said), a different one 422. A retry while the first is
 * still running in this process gets 409 (runOnce); one reaching another
 * instance at the same moment is settled by the compare-and-set itself.
 */
export async function answerQuestion(
  ctx: ServiceContext,
  attemptId: string,
  input: AnswerInput,
  requester: Requester,
): Promise<AnswerResult> {
  assertAttemptId(attemptId);
  const key = requester.idempotencyKey;
  if (key === undefined) return recordAnswer(ctx, attemptId, input, requester);
  const scope = `quiz-answer:${fingerprint([attemptId, key])}`;
  return runOnce(scope, () => idempotencyErrors.inFlight("Your answer"), () => recordAnswer(ctx, attemptId, input, requester));
}

async function recordAnswer(ctx: ServiceContext, attemptId: string, input: AnswerInput, requester: Requester): Promise<AnswerResult> {
  const question = ctx.bank.get(input.questionId);
  if (!question) throw new QuizError("not_found", QUIZ_MESSAGES.questionNotInAttempt);
  const answer = normalizeAnswer(question, input.answer);
  const correct = isRightAnswer(question, answer);
  const encoded = encodeAnswer(answer);

  const attemptKey = quizKeys.attempt(attemptId);
  const key = requester.idempotencyKey;
  const limits = rateLimits(
    [
      { rule: LIMITS.answersPerAttempt, subject: attemptId },
      { rule: LIMITS.answersPerClient, subject: requester.client },
    ],
    ctx.now(),
  );
  const outcome = await execIfNamed(
    ctx.store,
    { key: quizKeys.slot(attemptId, question.id, question.version), expect: "pending", value: encodeSlot(encoded, key), limits: limits.guard },
    {
      stats: countAnswerOps(question, answer, correct),
      answered: op.hincrby(attemptKey, F.answered, 1),
      score: op.hincrby(attemptKey, F.score, correct ? 1 : 0),
      answer: op.hset(attemptKey, { [`${F.answerPrefix}${question.id}`]: encoded }),
      // Writing to a hash never sets a TTL; refreshing it here means that even
      // a hash that expired a millisecond before its slot is not recreated forever.
      attemptTtl: op.expire(attemptKey, QUIZ_TTL.attempt),
      attempt: op.hgetall(attemptKey),
    },
  );

  limits.throwIfRefused(outcome);
  let hash: Record<string, string>;
  let sameRequest = false;
  if (outcome.applied) {
    hash = outcome.results.attempt;
  } else {
    if (outcome.current === null) throw new QuizError("not_found", QUIZ_MESSAGES.questionNotInAttempt);
    const stored = decodeSlot(outcome.current);
    sameRequest = key !== undefined && stored.idempotencyKey === key;
    if (stored.answer === null || !sameAnswer(stored.answer, answer)) {
      throw sameRequest ? idempotencyErrors.reused("with a different answer") : new QuizError("conflict", QUIZ_MESSAGES.alreadyAnsweredDifferently);
    }
    ({ hash } = await execNamed(ctx.store, { hash: op.hgetall(attemptKey) }));
  }
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw notFound();
  return {
    feedback: buildFeedback(question, answer, ctx.bank.lookups),
    progress: progressOf(attempt),
    // A retry of the request that recorded the answer answers as that request did.
    replay: !outcome.applied && !sameRequest,
  };
}

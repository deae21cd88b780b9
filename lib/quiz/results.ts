import "server-only";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { choiceOrder } from "@/lib/questions/draw";
import { buildFeedback, correctionSince, displayAnswer, feedbackFrom } from "@/lib/questions/feedback";
import { toPublicQuestion } from "@/lib/questions/public";
import type { AnswerInput } from "@/lib/questions/requests";
import type { AnswerFeedback, PublicQuestion, Question } from "@/lib/questions/schemas";
import { correctness } from "@/lib/questions/scoring";
import { parseStats, readStatsOp } from "@/lib/questions/stats";
import type { ServiceContext } from "@/lib/service";
import { execIfNamed, execNamed, op } from "@/lib/store";
import { readAttempt } from "./attempts";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { OFF_BOARD_MESSAGES } from "./fair-play";
import { ATTEMPT_FIELDS as F, QUIZ_TTL, quizKeys } from "./keys";
import { parseBuckets, percentile } from "./percentile";
import { isComplete, parseAttempt, type AttemptRecord } from "./record";
import { assertAttemptId } from "./requests";
import { linkResultOp, newShareId } from "./result-links";
import type { ChallengeComparison, QuizResults, ResultSummary, ReviewItem } from "./views";

/**
 * Results of a finished attempt (counted into the score buckets exactly
 * once) and the practice round of missed questions.
 */

// ---------------------------------------------------------------- results

/**
 * How each answered question was marked in the stored score, by id. A
 * question still in the bank at the version answered is marked again. One
 * withdrawn or changed since cannot be, and the attempt keeps only the total:
 * its mark is worked out from the total when that allows one reading (the
 * unknown ones all right or all wrong), and is null when it does not.
 */
function scoredMarks(bank: QuestionBank, attempt: AttemptRecord): Map<string, boolean | null> {
  const marks = new Map<string, boolean | null>();
  for (const ref of attempt.questions) {
    const answer = attempt.answers.get(ref.id);
    if (answer === undefined) continue;
    const question = bank.get(ref.id);
    marks.set(ref.id, question?.version === ref.version ? correctness(question, answer) : null);
  }
  const unknown = [...marks].flatMap(([id, mark]) => (mark === null ? [id] : []));
  const rightAmongUnknown = attempt.score - [...marks.values()].filter((mark) => mark === true).length;
  if (rightAmongUnknown === 0 || rightAmongUnknown === unknown.length) {
    for (const id of unknown) marks.set(id, rightAmongUnknown > 0);
  }
  return marks;
}

/**
 * Right or wrong per question of the attempt, in order: null if unanswered.
 * A changed question is marked against its current key, as its review shows
 * it; a withdrawn one as it was scored, and wrong when that is unknown.
 */
function marksOf(ctx: ServiceContext, attempt: AttemptRecord, scored = scoredMarks(ctx.bank, attempt)): (boolean | null)[] {
  return attempt.questions.map((ref) => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    if (answer === undefined) return null;
    return question ? correctness(question, answer) : (scored.get(ref.id) ?? false);
  });
}

function compare(ctx: ServiceContext, attempt: AttemptRecord, challenger: AttemptRecord): ChallengeComparison {
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
      prompt: ctx.bank.get(ref.id)?.prompt ?? null,
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
export async function getResults(ctx: ServiceContext, attemptId: string): Promise<QuizResults> {
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
  const reads = {
    buckets: op.hgetall(bucketsKey),
    stats: attempt.questions.map(readStatsOp),
    challenger: attempt.challengeOf ? [op.hgetall(quizKeys.attempt(attempt.challengeOf))] : [],
  };
  const readWithLinks = () => execNamed(ctx.store, { links: linkWrites, ...reads });

  let finishedAt = attempt.finishedAt;
  let read: Awaited<ReturnType<typeof readWithLinks>>;
  if (finishedAt === undefined) {
    const stamp = ctx.now();
    const outcome = await execIfNamed(
      ctx.store,
      { key: quizKeys.finished(attemptId), expect: null, value: String(stamp), ttlSeconds: QUIZ_TTL.attempt },
      {
        finish: [
          op.hincrby(bucketsKey, String(attempt.score), 1),
          op.expire(bucketsKey, QUIZ_TTL.scoreBuckets),
          op.hset(attemptKey, { [F.finishedAt]: String(stamp) }),
          op.expire(attemptKey, QUIZ_TTL.attempt),
        ],
        links: linkWrites,
        ...reads,
      },
    );
    if (outcome.applied) {
      finishedAt = stamp;
      read = outcome.results;
    } else {
      finishedAt = Number(outcome.current) || stamp;
      read = await readWithLinks();
    }
  } else {
    read = await readWithLinks();
  }
  const [challengerHash] = read.challenger;

  const scored = scoredMarks(ctx.bank, attempt);
  const review = attempt.questions.map((ref, index): ReviewItem => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    const correctedSince = correctionSince(ctx.bank.lookups, ref);
    // Checked complete above; this only narrows the type.
    if (answer === undefined) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
    if (!question) {
      return { status: "withdrawn", index, questionId: ref.id, scoredRight: scored.get(ref.id) ?? null, correctedSince };
    }
    const stats = parseStats(read.stats[index]);
    return {
      status: "current",
      index,
      kind: question.kind,
      questionId: question.id,
      prompt: question.prompt,
      quote: question.kind === "who-said" ? question.quote : undefined,
      playerAnswer: displayAnswer(question, answer),
      feedback: feedbackFrom(question, answer, ctx.bank.lookups),
      shareCorrect: stats.total > 0 ? stats.correct / stats.total : null,
      answeredBy: stats.total,
      correctedSince,
    };
  });

  const challenger = attempt.challengeOf && challengerHash ? parseAttempt(attempt.challengeOf, challengerHash) : null;
  return {
    attemptId,
    score: attempt.score,
    total: attempt.questions.length,
    topic: attempt.topic,
    finishedAt,
    nickname: attempt.nickname,
    offBoard: attempt.offBoard ? OFF_BOARD_MESSAGES[attempt.offBoard] : null,
    percentile: percentile(parseBuckets(read.buckets), attempt.score),
    review,
    marks: marksOf(ctx, attempt, scored).map((mark) => mark === true),
    challenge: challenger ? compare(ctx, attempt, challenger) : null,
    shareId,
  };
}

// ---------------------------------------------------------------- public summary

/**
 * One round trip: the attempt and the score buckets of its length, which
 * the share link stores so both can be read together. A link whose length
 * does not match its attempt is treated as gone.
 */
export async function getResultSummary(ctx: ServiceContext, attemptId: string, length: number): Promise<ResultSummary> {
  assertAttemptId(attemptId);
  const { hash, buckets } = await execNamed(ctx.store, {
    hash: op.hgetall(quizKeys.attempt(attemptId)),
    buckets: op.hgetall(quizKeys.scoreBuckets(length)),
  });
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt || attempt.length !== length) throw new QuizError("not_found", QUIZ_MESSAGES.resultExpired);
  if (attempt.finishedAt === undefined) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  const notes = attempt.questions.map((ref) => correctionSince(ctx.bank.lookups, ref));
  return {
    score: attempt.score,
    total: attempt.questions.length,
    marks: marksOf(ctx, attempt).map((mark) => mark === true),
    corrected: notes.flatMap((note, index) => (note ? [{ index, note }] : [])),
    // Withdrawn with no entry in the log (a logged withdrawal is among `corrected`).
    withdrawn: attempt.questions.flatMap((ref, index) => (ctx.bank.get(ref.id) || notes[index] ? [] : [index])),
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
function missedQuestions(ctx: ServiceContext, attempt: AttemptRecord): Question[] {
  if (!isComplete(attempt)) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  return attempt.questions.flatMap((ref) => {
    const question = ctx.bank.get(ref.id);
    const answer = attempt.answers.get(ref.id);
    return question && answer !== undefined && !correctness(question, answer) ? [question] : [];
  });
}

/** One round trip (read). Fresh shuffles; empty when nothing was missed. */
export async function retryMissed(ctx: ServiceContext, attemptId: string): Promise<PublicQuestion[]> {
  const missed = missedQuestions(ctx, await readAttempt(ctx, attemptId));
  return missed.map((question, index) => toPublicQuestion(question, choiceOrder(question, ctx.random), index, missed.length));
}

/** One round trip (read), no write. */
export async function checkPractice(ctx: ServiceContext, attemptId: string, input: AnswerInput): Promise<AnswerFeedback> {
  const missed = missedQuestions(ctx, await readAttempt(ctx, attemptId));
  const question = missed.find((q) => q.id === input.questionId);
  if (!question) throw new QuizError("not_found", "That question is not in this practice round.");
  return buildFeedback(question, input.answer, ctx.bank.lookups);
}

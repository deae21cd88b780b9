import "server-only";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { estimateSpan } from "@/lib/questions/closeness";
import { feedbackFrom } from "@/lib/questions/feedback";
import { toPublicQuestion } from "@/lib/questions/public";
import { encodeRefs, type QuestionRef } from "@/lib/questions/refs";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { answerKey } from "@/lib/questions/scoring";
import { rateLimits } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op } from "@/lib/store";
import { readHostSession, sessionFrom } from "./access";
import { asText } from "./dashboard";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { CLASSROOM_RATE_LIMITS } from "./limits";
import { applyQuestionEdit, candidatesFor, SESSION_QUESTION_LIMITS } from "./question-edits";
import { effectivePhase, type SessionRecord } from "./record";
import { assertSessionId, type QuestionEditInput, type QuestionFilter } from "./requests";
import { isPreviewKey, previewKeyFor } from "./tokens";
import type { ChosenQuestion, QuestionChoices, SessionPreview } from "./views";

/**
 * The teacher sees, and may change, the questions before the class does.
 *
 * The edit window: a live session until the teacher starts it (phase
 * "lobby"); homework until its first answer. Answers are stored by the
 * question's place in the list, so after one the list must stay as it is.
 * (An answer and a change in the very same instant can both land: answers
 * take the player's guard, not the session's version; the window is then a
 * few milliseconds wide, and the answer is kept under its place.)
 *
 * A change is a compare-and-set on the session's version key, like the host
 * actions: a second tab's change made on a list it has not seen is refused
 * (409), never applied over the first. Bumping the version also makes the
 * projector and the phones fetch the session again.
 */

/** Why the questions can no longer change, or null while they can. */
function lockedReason(session: SessionRecord, now: number): string | null {
  const phase = effectivePhase(session, now);
  if (phase === "ended") return "This session has ended, so its questions can no longer change.";
  if (session.settings.mode === "live") {
    return phase === "lobby" ? null : "The quiz has started, so its questions can no longer change. They can be changed only before you start.";
  }
  const answered = session.questions.some((_, index) => session.answered(index) > 0);
  return answered ? "A student has already answered, so the homework’s questions can no longer change." : null;
}

/** What the class will choose from, as text: an estimate's is its slider's span. */
function chosenChoices(shown: PublicQuestion): string[] {
  switch (shown.kind) {
    case "true-false":
      return ["True", "False"];
    case "order":
      return shown.items.map((item) => item.text);
    case "single":
    case "who-said":
      return shown.options.map((option) => option.text);
    case "estimate":
      return [estimateSpan(shown.range, shown.unit)];
  }
}

function chosenQuestion(bank: QuestionBank, ref: QuestionRef, index: number, total: number): ChosenQuestion[] {
  const question = bank.get(ref.id);
  if (!question) return [];
  const shown = toPublicQuestion(question, ref.order, index, total);
  const feedback = feedbackFrom(question, answerKey(question), bank.lookups);
  const choices = chosenChoices(shown);
  return [
    {
      index,
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      quote: question.kind === "who-said" ? question.quote : undefined,
      difficulty: question.difficulty,
      topics: question.topics,
      choices,
      correctAnswer: asText(feedback.correctAnswer),
      explanation: feedback.explanation,
      sources: feedback.sources,
    },
  ];
}

const chosenQuestions = (bank: QuestionBank, refs: readonly QuestionRef[]) =>
  refs.flatMap((ref, index) => chosenQuestion(bank, ref, index, refs.length));

function choicesView(ctx: ServiceContext, session: SessionRecord, filter: QuestionFilter): QuestionChoices {
  return {
    sessionId: session.id,
    mode: session.settings.mode,
    version: session.version,
    locked: lockedReason(session, ctx.now()),
    questions: chosenQuestions(ctx.bank, session.questions),
    limits: SESSION_QUESTION_LIMITS,
    candidates: candidatesFor(ctx.bank, session.questions, filter).map(({ id, kind, prompt, difficulty, topics }) => ({ id, kind, prompt, difficulty, topics })),
    previewKey: previewKeyFor(session.hostHash),
  };
}

/** One round trip: the session's questions with their keys, and the bank's others, for the teacher. */
export async function getQuestionChoices(ctx: ServiceContext, sessionId: string, credential: string | undefined, filter: QuestionFilter): Promise<QuestionChoices> {
  return choicesView(ctx, await readHostSession(ctx, sessionId, credential), filter);
}

/**
 * Two round trips, as a host action: read the session, then the write of
 * the new list, guarded by the version and with the teacher's action limit
 * counted in it (over it, nothing is written: 429).
 */
export async function editQuestions(ctx: ServiceContext, sessionId: string, credential: string | undefined, input: QuestionEditInput): Promise<QuestionChoices> {
  const now = ctx.now();
  const session = await readHostSession(ctx, sessionId, credential);
  const locked = lockedReason(session, now);
  if (locked) throw new ClassroomError("conflict", locked);
  if (input.version !== session.version) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.stale);

  const questions = applyQuestionEdit(ctx.bank, session.questions, input, session.topic, ctx.random);
  const version = String(session.version + 1);
  const ttl = ttlSeconds(session.expiresAt, now);
  const fields = { [F.questions]: encodeRefs(questions), [F.version]: version };
  const limits = rateLimits([{ rule: CLASSROOM_RATE_LIMITS.hostActions, subject: `${sessionId}:${credential ?? ""}` }], now);
  const guard = { key: classroomKeys.version(sessionId), expect: String(session.version), value: version, ttlSeconds: ttl, limits: limits.guard };
  const outcome = await ctx.store.execIf(guard, [op.hset(classroomKeys.session(sessionId), fields), op.expire(classroomKeys.session(sessionId), ttl)]);
  limits.throwIfRefused(outcome);
  if (!outcome.applied) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.stale);
  const filter = { topic: input.topic, difficulty: input.difficulty };
  return choicesView(ctx, { ...session, questions, version: session.version + 1, settings: { ...session.settings, total: questions.length } }, filter);
}

/** One round trip: the questions, read-only, for whoever holds the preview key. Nobody joins, nothing is written. */
export async function getPreview(ctx: ServiceContext, sessionId: string, key: string | undefined): Promise<SessionPreview> {
  assertSessionId(sessionId);
  const read = await execNamed(ctx.store, { session: op.hgetall(classroomKeys.session(sessionId)) });
  const session = sessionFrom(sessionId, read.session);
  if (!isPreviewKey(key, session.hostHash)) throw new ClassroomError("not_host", "This preview link is not right: ask the teacher who sent it for the link again.");
  return { mode: session.settings.mode, questions: chosenQuestions(ctx.bank, session.questions) };
}

import "server-only";
import { feedbackFrom } from "@/lib/questions/feedback";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op } from "@/lib/store";
import { readPlayerSession, sessionFrom } from "./access";
import { ClassroomError } from "./errors";
import type { RecordedAnswer } from "./answer";
import { classroomKeys } from "./keys";
import { hasAccommodations } from "./accommodations";
import { playerQuestionAt, questionAt, sharedView, studentView } from "./live";
import { playPath } from "./paths";
import { effectivePhase, type PlayerRecord, type SessionRecord } from "./record";
import { rankOf } from "./rank";
import { assertSessionId } from "./requests";
import type { AnswerResponse, HomeworkView, LiveShared, PlayView, StudentView, UnchangedPoll } from "./views";

/**
 * A student's live view, or "unchanged" when the phone already shows this
 * version. ONE store round trip either way (the session and the player
 * hash); the version spares the network, not the store.
 */
export async function pollStudent(
  ctx: ServiceContext,
  sessionId: string,
  token: string | undefined,
  sinceVersion: number,
): Promise<StudentView | UnchangedPoll> {
  const { session, player } = await readPlayerSession(ctx, sessionId, token);
  const now = ctx.now();
  // A student given more time mid-question has no new version to notice: their phone gets the whole view while it is open.
  const ownDeadline = session.phase === "open" && hasAccommodations(player.accommodations);
  if (session.version === sinceVersion && !ownDeadline) return { changed: false, version: session.version, now, players: session.players };
  return studentView(ctx.bank, session, player, now);
}

/** The class's shared live state: one store read (the session hash), whoever asks. */
export async function getLive(ctx: ServiceContext, sessionId: string): Promise<LiveShared> {
  assertSessionId(sessionId);
  const read = await execNamed(ctx.store, { session: op.hgetall(classroomKeys.session(sessionId)) });
  const session = sessionFrom(sessionId, read.session);
  if (session.settings.mode !== "live") throw new ClassroomError("conflict", "This session is homework: each student goes at their own pace, so there is no live state to follow.");
  return sharedView(ctx.bank, session, ctx.now());
}

// ---------------------------------------------------------------- homework

function feedbackAt(ctx: ServiceContext, session: SessionRecord, player: PlayerRecord, index: number): HomeworkView["shown"] {
  const question = questionAt(ctx.bank, session, index);
  const shown = playerQuestionAt(ctx.bank, session, player, index);
  const answer = player.answers.get(index);
  if (!question || !shown || answer === undefined) return null;
  return { question: shown, feedback: feedbackFrom(question, answer, ctx.bank.lookups) };
}

/** Homework progress; `rankAmong` is every active score, highest first, once a ranking is needed. */
function homeworkView(
  ctx: ServiceContext,
  session: SessionRecord,
  player: PlayerRecord,
  showQuestionId: string | undefined,
  rankAmong: readonly number[] | null,
): HomeworkView {
  const ended = effectivePhase(session, ctx.now()) === "ended";
  const nextIndex = nextHomeworkIndex(session, player);
  const shownIndex = showQuestionId === undefined ? -1 : session.questions.findIndex((ref) => ref.id === showQuestionId);
  return {
    sessionId: session.id,
    nickname: player.nickname,
    settings: session.settings,
    ended,
    question: ended || nextIndex === null ? null : playerQuestionAt(ctx.bank, session, player, nextIndex),
    shown: shownIndex >= 0 ? feedbackAt(ctx, session, player, shownIndex) : null,
    answered: player.answers.size,
    score: player.score,
    rank: rankAmong ? { rank: rankOf(player.score, rankAmong), of: rankAmong.length } : null,
  };
}

function nextHomeworkIndex(session: SessionRecord, player: PlayerRecord): number | null {
  const index = session.questions.findIndex((_, i) => !player.answers.has(i));
  return index < 0 ? null : index;
}

/**
 * The student's page. One round trip (session and player); homework adds
 * one for the class's scores once the student has finished or the deadline
 * has passed, to show their rank. `showQuestionId`: an answered homework
 * question whose feedback to show (where a plain form post lands).
 */
export async function getPlayView(
  ctx: ServiceContext,
  sessionId: string,
  token: string | undefined,
  showQuestionId?: string,
): Promise<PlayView> {
  const { session, player } = await readPlayerSession(ctx, sessionId, token);
  if (session.settings.mode === "live") return { mode: "live", view: studentView(ctx.bank, session, player, ctx.now()) };
  let ranking: number[] | null = null;
  if (effectivePhase(session, ctx.now()) === "ended" || nextHomeworkIndex(session, player) === null) {
    const { scores } = await execNamed(ctx.store, { scores: op.zrange(classroomKeys.scores(sessionId), 0, -1, { reverse: true }) });
    ranking = scores.filter((entry) => entry.score >= 0).map((entry) => entry.score);
  }
  return { mode: "homework", view: homeworkView(ctx, session, player, showQuestionId, ranking) };
}

// ---------------------------------------------------------------- answering

export function answerResponse(ctx: ServiceContext, recorded: RecordedAnswer): AnswerResponse {
  const { session, player } = recorded;
  if (session.settings.mode === "live") return { mode: "live", view: studentView(ctx.bank, session, player, ctx.now()) };
  const finished = nextHomeworkIndex(session, player) === null;
  return {
    mode: "homework",
    feedback: feedbackFrom(recorded.question, recorded.answer, ctx.bank.lookups),
    next: { href: playPath(session.id), label: finished ? "See your result" : "Next question", sameRoute: true },
  };
}

import "server-only";
import { feedbackFrom } from "@/lib/quiz/feedback";
import { answerKey, sameAnswer } from "@/lib/quiz/scoring";
import { op } from "@/lib/store";
import { readPlayerRoom } from "./access";
import type { RecordedAnswer } from "./answer";
import type { RoomContext } from "./context";
import { roomKeys } from "./keys";
import { playPath } from "./paths";
import { effectivePhase, type PlayerRecord, type RoomRecord } from "./record";
import type { AnswerResponse, HomeworkView, PlayView, StudentView, UnchangedPoll } from "./schemas";
import { rankOf } from "./scoring";
import { publicQuestionAt, questionAt, studentView } from "./views";

/**
 * A student's live view, or "unchanged" when the phone already shows this
 * version. ONE store round trip either way (the session and the player
 * hash); the version spares the network, not the store.
 */
export async function pollStudent(
  ctx: RoomContext,
  roomId: string,
  token: string | undefined,
  sinceVersion: number,
): Promise<StudentView | UnchangedPoll> {
  const { room, player } = await readPlayerRoom(ctx, roomId, token);
  const now = ctx.now();
  if (room.version === sinceVersion) return { changed: false, version: room.version, now, players: room.players };
  return studentView(ctx.bank, room, player, now);
}

// ---------------------------------------------------------------- homework

function feedbackAt(ctx: RoomContext, room: RoomRecord, player: PlayerRecord, index: number): HomeworkView["shown"] {
  const question = questionAt(ctx.bank, room, index);
  const shown = publicQuestionAt(ctx.bank, room, index);
  const answer = player.answers.get(index);
  if (!question || !shown || answer === undefined) return null;
  return { question: shown, feedback: feedbackFrom(question, sameAnswer(answer, answerKey(question)), ctx.bank.lookups) };
}

/** Homework progress; `rankAmong` is every active score, highest first, once a ranking is needed. */
function homeworkView(
  ctx: RoomContext,
  room: RoomRecord,
  player: PlayerRecord,
  showQuestionId: string | undefined,
  rankAmong: readonly number[] | null,
): HomeworkView {
  const ended = effectivePhase(room, ctx.now()) === "ended";
  const nextIndex = nextHomeworkIndex(room, player);
  const shownIndex = showQuestionId === undefined ? -1 : room.questions.findIndex((ref) => ref.id === showQuestionId);
  return {
    roomId: room.id,
    nickname: player.nickname,
    settings: room.settings,
    ended,
    question: ended || nextIndex === null ? null : publicQuestionAt(ctx.bank, room, nextIndex),
    shown: shownIndex >= 0 ? feedbackAt(ctx, room, player, shownIndex) : null,
    answered: player.answers.size,
    score: player.score,
    rank: rankAmong ? { rank: rankOf(player.score, rankAmong), of: rankAmong.length } : null,
  };
}

function nextHomeworkIndex(room: RoomRecord, player: PlayerRecord): number | null {
  const index = room.questions.findIndex((_, i) => !player.answers.has(i));
  return index < 0 ? null : index;
}

/**
 * The student's page. One round trip (session and player); homework adds
 * one for the class's scores once the student has finished or the deadline
 * has passed, to show their rank. `showQuestionId`: an answered homework
 * question whose feedback to show (where a plain form post lands).
 */
export async function getPlayView(
  ctx: RoomContext,
  roomId: string,
  token: string | undefined,
  showQuestionId?: string,
): Promise<PlayView> {
  const { room, player } = await readPlayerRoom(ctx, roomId, token);
  if (room.settings.mode === "live") return { mode: "live", view: studentView(ctx.bank, room, player, ctx.now()) };
  let ranking: number[] | null = null;
  if (effectivePhase(room, ctx.now()) === "ended" || nextHomeworkIndex(room, player) === null) {
    const [scores] = await ctx.store.exec([op.zrange(roomKeys.scores(roomId), 0, -1, { reverse: true })]);
    ranking = scores.filter((entry) => entry.score >= 0).map((entry) => entry.score);
  }
  return { mode: "homework", view: homeworkView(ctx, room, player, showQuestionId, ranking) };
}

// ---------------------------------------------------------------- answering

export function answerResponse(ctx: RoomContext, recorded: RecordedAnswer): AnswerResponse {
  const { room, player } = recorded;
  if (room.settings.mode === "live") return { mode: "live", view: studentView(ctx.bank, room, player, ctx.now()) };
  const finished = nextHomeworkIndex(room, player) === null;
  return {
    mode: "homework",
    feedback: feedbackFrom(recorded.question, recorded.correct, ctx.bank.lookups),
    next: { href: playPath(room.id), label: finished ? "See your result" : "Next question", sameRoute: true },
  };
}

import "server-only";
import { answerKey, encodeAnswer, normalizeAnswer, sameAnswer } from "@/lib/quiz/scoring";
import type { AnswerInput, NormalizedAnswer, Question } from "@/lib/quiz/schemas";
import { guardLimits } from "@/lib/rate-limit";
import { op } from "@/lib/store";
import { activePlayerFrom, playerIdFromToken, roomFrom } from "./access";
import { assertRoomId, type RoomContext } from "./context";
import { ROOM_MESSAGES, RoomError } from "./errors";
import { PLAYER_FIELDS as P, ROOM_FIELDS as F, roomKeys, ttlSeconds } from "./keys";
import { ROOM_RATE_LIMITS as LIMITS } from "./limits";
import { effectivePhase, type PlayerRecord, type RoomRecord } from "./record";
import { choiceField, pointsFor } from "./scoring";
import { questionAt } from "./views";

/**
 * A student's answer, counted exactly once.
 *
 * Each player has an answer counter (`…:seq`) that is the guard of a
 * compare-and-set: the answer, the points, the score, the class
 * distribution and the "answers received" count are written in the same
 * transaction as the counter moves from n to n + 1. Two requests that read
 * the same n (a double tap, a retry after a dropped connection) cannot both
 * win; the loser re-reads and finds the answer already there. Players never
 * share a guard, so 200 students answering at once do not contend.
 */

/** A tap in the last moment before the timer ends is still in flight when it does. */
const LATE_ANSWER_GRACE_MS = 1_500;

/** Concurrent answers by one player to different questions (homework, two tabs) retry this often. */
const MAX_TRIES = 4;

export interface RecordedAnswer {
  room: RoomRecord;
  /** The player, with this answer in it. */
  player: PlayerRecord;
  index: number;
  question: Question;
  answer: NormalizedAnswer;
  correct: boolean;
  points: number;
  /** The same answer had already been recorded: nothing was counted twice. */
  replay: boolean;
}

/** Which question of the session this answer is for, or why it cannot be answered now. */
function answerableIndex(room: RoomRecord, questionId: string, now: number): number {
  const phase = effectivePhase(room, now);
  if (phase === "ended") throw new RoomError("ended", ROOM_MESSAGES.ended);
  if (room.settings.mode === "homework") {
    const index = room.questions.findIndex((ref) => ref.id === questionId);
    if (index < 0) throw new RoomError("not_found", ROOM_MESSAGES.notCurrent);
    return index;
  }
  if (room.questions[room.index]?.id !== questionId) throw new RoomError("conflict", ROOM_MESSAGES.notCurrent);
  const late = phase === "closed" && room.phase === "open" && room.closesAt !== null && now < room.closesAt + LATE_ANSWER_GRACE_MS;
  if (phase !== "open" && !late) throw new RoomError("closed", ROOM_MESSAGES.closed);
  return room.index;
}

/**
 * Two round trips: read the session, the player and their answer counter;
 * then the guarded write, with the player's and the client's answer limits
 * counted in it (over either, nothing is written: 429). A lost race adds a
 * read and a retry. `client`: lib/rate-limit.ts clientSubject.
 */
export async function recordAnswer(
  ctx: RoomContext,
  roomId: string,
  token: string | undefined,
  input: AnswerInput,
  client: string,
): Promise<RecordedAnswer> {
  assertRoomId(roomId);
  const playerId = playerIdFromToken(token);
  const roomKey = roomKeys.room(roomId);
  const playerKey = roomKeys.player(roomId, playerId);
  const seqKey = roomKeys.playerSeq(roomId, playerId);

  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const now = ctx.now();
    const [roomHash, playerHash, seq] = await ctx.store.exec([op.hgetall(roomKey), op.hgetall(playerKey), op.get(seqKey)]);
    const room = roomFrom(roomId, roomHash);
    const player = activePlayerFrom(playerId, playerHash);
    const index = answerableIndex(room, input.questionId, now);
    const question = questionAt(ctx.bank, room, index);
    if (!question) throw new RoomError("not_found", ROOM_MESSAGES.notCurrent);
    const answer = normalizeAnswer(question, input.answer);
    const correct = sameAnswer(answer, answerKey(question));

    const earlier = player.answers.get(index);
    if (earlier !== undefined) {
      if (!sameAnswer(earlier, answer)) throw new RoomError("conflict", ROOM_MESSAGES.alreadyAnswered);
      return { room, player, index, question, answer, correct, points: player.points.get(index) ?? 0, replay: true };
    }

    const elapsedMs = room.settings.mode === "live" && room.openedAt !== null ? Math.max(0, now - room.openedAt) : null;
    const points = pointsFor({ scoring: room.settings.scoring, correct, elapsedMs, timerSeconds: room.settings.timer });
    const ttl = ttlSeconds(room.expiresAt, now);
    const distKey = roomKeys.distribution(roomId, index);
    const answered = Number(seq ?? 0) || 0;
    const limits = guardLimits(
      [
        { rule: LIMITS.answersPerPlayer, subject: `${roomId}:${playerId}` },
        { rule: LIMITS.answersPerClient, subject: client },
      ],
      now,
    );
    const guard = { key: seqKey, expect: seq, value: String(answered + 1), ttlSeconds: ttl, limits: limits.limits };
    const outcome = await ctx.store.execIf(guard, [
      op.hset(playerKey, {
        [`${P.answerPrefix}${index}`]: encodeAnswer(answer),
        [`${P.pointsPrefix}${index}`]: String(points),
        ...(elapsedMs === null ? {} : { [`${P.timePrefix}${index}`]: String(elapsedMs) }),
      }),
      op.hincrby(playerKey, P.score, points),
      op.hincrby(playerKey, P.answered, 1),
      op.expire(playerKey, ttl),
      op.zincrby(roomKeys.scores(roomId), points, playerId),
      op.expire(roomKeys.scores(roomId), ttl),
      op.hincrby(distKey, "total", 1),
      op.hincrby(distKey, "correct", correct ? 1 : 0),
      op.hincrby(distKey, choiceField(answer), 1),
      op.expire(distKey, ttl),
      op.hincrby(roomKey, `${F.answeredPrefix}${index}`, 1),
      op.expire(roomKey, ttl),
    ]);
    limits.throwIfRefused(outcome);
    if (outcome.applied) {
      const updated: PlayerRecord = {
        ...player,
        score: outcome.results[1],
        answered: outcome.results[2],
        answers: new Map(player.answers).set(index, answer),
        points: new Map(player.points).set(index, points),
      };
      return { room, player: updated, index, question, answer, correct, points, replay: false };
    }
    // Another request of this player's moved the counter: read again, and find it (replay) or go again.
  }
  throw new RoomError("conflict", "Your answer could not be saved because several were sent at once. Please try again.");
}

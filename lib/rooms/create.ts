import "server-only";
import { guardLimits } from "@/lib/rate-limit";
import { op } from "@/lib/store";
import { drawAttempt } from "@/lib/quiz/draw";
import { newJoinCode } from "./code";
import type { RoomContext } from "./context";
import { RoomError } from "./errors";
import { initialExpiry, ROOM_FIELDS as F, roomKeys, ttlSeconds } from "./keys";
import { ROOM_RATE_LIMITS } from "./limits";
import { encodeQuestions } from "./record";
import type { CreateRoomInput } from "./schemas";
import { hashHostCredential, newHostCredential, newRoomId } from "./tokens";

export interface CreatedRoom {
  roomId: string;
  code: string;
  /** Only ever returned here: it goes into the teacher's cookie and host link, the store keeps its hash. */
  hostCredential: string;
  /** Seconds until the session is deleted: the host cookie lives as long. */
  ttlSeconds: number;
}

/** A fresh code collides with a live one about once in 10^7 sessions; a few tries are plenty. */
const CODE_TRIES = 5;

/**
 * One round trip: an `execIf` that claims the join code (it must be free)
 * and writes the session hash and its version key in the same transaction,
 * so a code can never point at two sessions, with the client's creation
 * limit counted in it (over it, nothing is written: 429). Another round
 * trip per code collision. `client`: lib/rate-limit.ts clientSubject.
 */
export async function createRoom(ctx: RoomContext, input: CreateRoomInput, client: string): Promise<CreatedRoom> {
  const { questions } = drawAttempt(ctx.bank.list(), { length: input.length, topic: input.topic }, ctx.random);
  if (questions.length === 0) throw new RoomError("not_found", "There are no questions on this topic yet. Choose another topic.");

  const created = ctx.now();
  const live = input.mode === "live";
  const deadline = live ? null : created + input.dueInHours * 60 * 60 * 1000;
  const expiresAt = initialExpiry(created, deadline);
  const ttl = ttlSeconds(expiresAt, created);
  const roomId = newRoomId();
  const hostCredential = newHostCredential();
  const refs = questions.map(({ question, order }) => ({ id: question.id, version: question.version, order }));

  const fields = {
    [F.created]: String(created),
    [F.expiresAt]: String(expiresAt),
    [F.hostHash]: hashHostCredential(hostCredential),
    [F.mode]: input.mode,
    // Timer and speed bonus need a teacher pacing the class; homework is scored on accuracy.
    [F.scoring]: live ? input.scoring : "accuracy",
    [F.timer]: String(live ? input.timer : 0),
    [F.deadline]: deadline === null ? "" : String(deadline),
    [F.topic]: input.topic ?? "",
    [F.questions]: encodeQuestions(refs),
    [F.version]: "0",
    [F.phase]: live ? "lobby" : "open",
    [F.index]: "0",
    [F.locked]: "",
    [F.players]: "0",
  };

  for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
    const code = newJoinCode(ctx.random);
    const limits = guardLimits([{ rule: ROOM_RATE_LIMITS.createsPerClient, subject: client }], created);
    const guard = { key: roomKeys.code(code), expect: null, value: roomId, ttlSeconds: ttl, limits: limits.limits };
    const outcome = await ctx.store.execIf(guard, [
      op.hset(roomKeys.room(roomId), { ...fields, [F.code]: code }),
      op.expire(roomKeys.room(roomId), ttl),
      op.set(roomKeys.version(roomId), "0", { ttlSeconds: ttl }),
    ]);
    limits.throwIfRefused(outcome);
    if (outcome.applied) return { roomId, code, hostCredential, ttlSeconds: ttl };
  }
  throw new Error(`No free join code after ${CODE_TRIES} tries`);
}

import "server-only";
import { friendlyName, nicknameSchema, normalizeNickname } from "@/lib/nickname";
import { countFailure, rateLimitOps, throwIfLimited } from "@/lib/rate-limit";
import { op, type Op } from "@/lib/store";
import { activePlayerFrom, roomFrom } from "./access";
import { formatJoinCode } from "./code";
import { assertRoomId, type RoomContext } from "./context";
import { ROOM_MESSAGES, RoomError } from "./errors";
import { PLAYER_FIELDS as P, ROOM_FIELDS as F, roomKeys, ttlSeconds } from "./keys";
import { joinRetry, type JoinRetry } from "./join-retry";
import { ROOM_RATE_LIMITS as LIMITS } from "./limits";
import { effectivePhase, encodeRosterEntry, parsePlayer, type RoomRecord } from "./record";
import { joinRoomShape, ROOM_LIMITS, type RoomSettings } from "./schemas";
import { newPlayerToken, nicknameHash, playerIdFor } from "./tokens";

/** The join route's body: the form's shape, with the server's nickname filter. */
export const joinRoomSchema = joinRoomShape(nicknameSchema);

// ---------------------------------------------------------------- codes

/**
 * A join code → its session. One round trip: the client's wrong-code
 * counter is read (not counted) with the code. Only a wrong code is then
 * counted (a second round trip), so a class typing the right code costs
 * nothing and a guesser pays for every miss. A client over the limit is
 * refused even for a right code, or the limit would not stop guessing.
 *
 * `code` is already normalised and well formed (joinCodeSchema).
 */
export async function lookupCode(ctx: RoomContext, code: string, client: string): Promise<{ roomId: string }> {
  const now = ctx.now();
  const rule = LIMITS.wrongCodes;
  const check = rateLimitOps(rule, client, now, { count: false });
  const results = await ctx.store.exec([...check.ops, op.get(roomKeys.code(code))]);
  throwIfLimited(rule, check.verdict(results));
  const roomId = results[check.ops.length];
  if (typeof roomId !== "string") {
    await countFailure(ctx.store, rule, client, now);
    throw new RoomError("not_found", ROOM_MESSAGES.codeNotFound(formatJoinCode(code)));
  }
  return { roomId };
}

// ---------------------------------------------------------------- joining

export interface JoinInput {
  /** Typed by the student; undefined for a generated friendly name. */
  nickname: string | undefined;
  /** The player token already in this browser's cookie for the session, if any. */
  token: string | undefined;
  /** Who is asking (lib/rate-limit.ts clientSubject). */
  client: string;
  /** The request's idempotency key, if it sent one (see join-retry.ts). */
  idempotencyKey?: string;
}

export interface Joined {
  token: string;
  playerId: string;
  nickname: string;
  /** True when the browser was already in the session: nothing was written. */
  rejoined: boolean;
  /** Seconds until the session is deleted: the cookie lives as long. */
  ttlSeconds: number;
}

/** Generated names collide rarely (29 × 32 × 90 of them); a few fresh ones always find a free one. */
const GENERATED_TRIES = 6;

function refuseJoin(room: RoomRecord, now: number): void {
  if (effectivePhase(room, now) === "ended") throw new RoomError("ended", ROOM_MESSAGES.ended);
  if (room.locked) throw new RoomError("locked", ROOM_MESSAGES.locked);
  if (room.players >= ROOM_LIMITS.players) throw new RoomError("full", ROOM_MESSAGES.full);
}

/**
 * Two round trips. First the session (and this browser's player, if it has
 * a token), with both join limits counted in the same transaction and the
 * idempotency key, if any, claimed (join-retry.ts). Then an `execIf` that
 * claims the nickname (it must be free: unique per session,
 * case-insensitively) and writes the player, the roster entry, the score,
 * the seat count and the completed idempotency record together.
 *
 * The seat count is only known after the write, so the 201st of several
 * simultaneous joins takes itself out again (a third round trip, only
 * then): the cap is never exceeded once the transaction settles. A join
 * that claimed a key and then fails or rejoins releases it (one more).
 */
export async function joinRoom(ctx: RoomContext, roomId: string, input: JoinInput): Promise<Joined> {
  assertRoomId(roomId);
  const now = ctx.now();
  const perRoom = rateLimitOps(LIMITS.joinsPerRoom, roomId, now, { count: true });
  const perClient = rateLimitOps(LIMITS.joinsPerClient, input.client, now, { count: true });
  const retry = input.idempotencyKey === undefined ? undefined : joinRetry(roomId, input.idempotencyKey, input);
  const existingId = input.token ? playerIdFor(input.token) : undefined;
  const limitOps = [...perRoom.ops, ...perClient.ops];
  const reads: Op[] = [op.hgetall(roomKeys.room(roomId)), ...(existingId ? [op.hgetall(roomKeys.player(roomId, existingId))] : [])];
  const results = await ctx.store.exec([...limitOps, ...reads, ...(retry?.ops ?? [])]);
  const [roomHash, playerHash] = (existingId ? results.slice(limitOps.length) : [results[limitOps.length], {}]) as Record<string, string>[];
  const room = roomFrom(roomId, roomHash ?? {});
  const ttl = ttlSeconds(room.expiresAt, now);

  // A retry of a join that went through: the same player and token, and nothing written.
  const earlier = retry?.earlier(results.at(-2) === true, (results.at(-1) ?? null) as string | null);
  if (earlier) return { ...earlier, rejoined: false, ttlSeconds: ttl };

  try {
    // Back on the same phone: the same player, answers and all. A removed one stays out.
    if (existingId && input.token && parsePlayer(existingId, playerHash ?? {})) {
      const player = activePlayerFrom(existingId, playerHash ?? {});
      if (retry) await ctx.store.exec([retry.releaseOp]);
      return { token: input.token, playerId: player.id, nickname: player.nickname, rejoined: true, ttlSeconds: ttl };
    }
    throwIfLimited(LIMITS.joinsPerRoom, perRoom.verdict(results.slice(0, perRoom.ops.length)));
    throwIfLimited(LIMITS.joinsPerClient, perClient.verdict(results.slice(perRoom.ops.length)));
    refuseJoin(room, now);
    return await addPlayer(ctx, room, input.nickname, retry, now);
  } catch (error) {
    // Let a retry of a failed join try again. If even this fails, the claim expires within a minute.
    if (retry) await ctx.store.exec([retry.releaseOp]).catch(() => undefined);
    throw error;
  }
}

/** The nickname claim and the player's keys: one `execIf` per try (generated names retry on a clash). */
async function addPlayer(
  ctx: RoomContext,
  room: RoomRecord,
  typedNickname: string | undefined,
  retry: JoinRetry | undefined,
  now: number,
): Promise<Joined> {
  const roomId = room.id;
  const ttl = ttlSeconds(room.expiresAt, now);
  let typed: string | undefined;
  if (typedNickname !== undefined) {
    const normalized = normalizeNickname(typedNickname);
    if (!normalized.ok) throw new RoomError("invalid_nickname", normalized.message);
    typed = normalized.nickname;
  }

  for (let attempt = 0; attempt < (typed ? 1 : GENERATED_TRIES); attempt += 1) {
    const nickname = typed ?? friendlyName();
    const token = retry?.token ?? newPlayerToken();
    const playerId = playerIdFor(token);
    const outcome = await ctx.store.execIf(
      { key: roomKeys.nickname(roomId, nicknameHash(nickname)), expect: null, value: playerId, ttlSeconds: ttl },
      [
        op.hset(roomKeys.player(roomId, playerId), { [P.nickname]: nickname, [P.joinedAt]: String(now), [P.score]: "0", [P.answered]: "0" }),
        op.expire(roomKeys.player(roomId, playerId), ttl),
        op.hset(roomKeys.roster(roomId), { [playerId]: encodeRosterEntry({ nickname, joinedAt: now, removed: undefined }) }),
        op.expire(roomKeys.roster(roomId), ttl),
        op.hincrby(roomKeys.room(roomId), F.players, 1),
        op.expire(roomKeys.room(roomId), ttl),
        op.zadd(roomKeys.scores(roomId), 0, playerId),
        op.expire(roomKeys.scores(roomId), ttl),
        ...(retry ? [retry.doneOp({ nickname, playerId }, ttl)] : []),
      ],
    );
    if (!outcome.applied) continue;
    if (outcome.results[4] > ROOM_LIMITS.players) {
      await ctx.store.exec(
        withdrawOps(room, { id: playerId, nickname, joinedAt: now }, "full", now, { releaseNickname: true }),
      );
      throw new RoomError("full", ROOM_MESSAGES.full);
    }
    return { token, playerId, nickname, rejoined: false, ttlSeconds: ttl };
  }
  if (typed) throw new RoomError("nickname_taken", ROOM_MESSAGES.nicknameTaken(typed));
  throw new Error(`No free generated nickname after ${GENERATED_TRIES} tries`);
}

/**
 * Takes a player out of the session: marked in their hash (so their token
 * is refused from now on, whatever cookies they clear) and in the roster,
 * their seat freed and their score sunk below every real one (the store has
 * no ZREM; standings skip negative scores). A removed player's nickname
 * stays claimed unless `releaseNickname`, so they cannot come back under it.
 */
export function withdrawOps(
  room: RoomRecord,
  player: { id: string; nickname: string; joinedAt: number },
  reason: "removed" | "full",
  now: number,
  options: { releaseNickname: boolean },
): Op[] {
  const ttl = ttlSeconds(room.expiresAt, now);
  const id = room.id;
  return [
    op.hset(roomKeys.player(id, player.id), { [P.removed]: reason }),
    op.expire(roomKeys.player(id, player.id), ttl),
    op.hset(roomKeys.roster(id), { [player.id]: encodeRosterEntry({ ...player, removed: reason }) }),
    op.expire(roomKeys.roster(id), ttl),
    op.hincrby(roomKeys.room(id), F.players, -1),
    op.expire(roomKeys.room(id), ttl),
    op.zadd(roomKeys.scores(id), -1, player.id),
    op.expire(roomKeys.scores(id), ttl),
    ...(options.releaseNickname ? [op.del(roomKeys.nickname(id, nicknameHash(player.nickname)))] : []),
  ];
}

// ---------------------------------------------------------------- the join page

export interface JoinInfo {
  roomId: string;
  code: string;
  settings: RoomSettings;
  /** Why joining would be refused now, with the message to show; null when it would not. */
  refusal: string | null;
  /** This browser's player in the session: none yet, one that may continue, or one the teacher removed. */
  player: "none" | "active" | "removed";
}

/** One round trip: what the join page needs to know before showing the nickname step. */
export async function getJoinInfo(ctx: RoomContext, roomId: string, token: string | undefined): Promise<JoinInfo> {
  assertRoomId(roomId);
  const playerId = token ? playerIdFor(token) : undefined;
  const reads: Op[] = [op.hgetall(roomKeys.room(roomId))];
  if (playerId) reads.push(op.hgetall(roomKeys.player(roomId, playerId)));
  const [roomHash = {}, playerHash = {}] = (await ctx.store.exec(reads)) as Record<string, string>[];
  const room = roomFrom(roomId, roomHash);
  const player = playerId ? parsePlayer(playerId, playerHash) : null;
  let refusal: string | null = null;
  try {
    refuseJoin(room, ctx.now());
  } catch (error) {
    if (!(error instanceof RoomError)) throw error;
    refusal = error.message;
  }
  return {
    roomId,
    code: room.code,
    settings: room.settings,
    refusal,
    player: !player ? "none" : player.removed ? "removed" : "active",
  };
}

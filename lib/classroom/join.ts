import "server-only";
import type { Requester } from "@/lib/http/requester";
import { friendlyName, normalizeNickname } from "@/lib/nickname";
import { countFailure, rateLimits, type LimitedBy } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { execIfNamed, execNamed, op, type Op } from "@/lib/store";
import { refuseRemoved, sessionFrom } from "./access";
import { formatJoinCode } from "./code";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { joinRetry, type JoinRetry, type JoinRetryResults } from "./join-retry";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { CLASSROOM_RATE_LIMITS as LIMITS, joinsPerNetwork, joinsPerSession, waitingPlaces } from "./limits";
import { effectivePhase, encodeRosterEntry, parsePlayer, type SessionRecord } from "./record";
import { assertSessionId } from "./requests";
import { balancedTeam } from "./teams";
import { newPlayerToken, nicknameHash, playerIdFor } from "./tokens";
import type { JoinInfo, Joined } from "./views";


// ---------------------------------------------------------------- codes

/**
 * A join code → its session. One round trip: the client's wrong-code
 * counter is read (not counted) with the code, and any `counted` limits
 * (the invite image's) are counted in it. Only a wrong code is then
 * counted (a second round trip), so a class typing the right code costs
 * nothing and a guesser pays for every miss. A client over the limit is
 * refused even for a right code, or the limit would not stop guessing.
 *
 * `code` is already normalised and well formed (joinCodeSchema).
 */
export async function lookupCode(
  ctx: ServiceContext,
  code: string,
  requester: Requester,
  counted: readonly LimitedBy[] = [],
): Promise<{ sessionId: string }> {
  const now = ctx.now();
  const limits = rateLimits([{ rule: LIMITS.wrongCodes, subject: requester.client }], now, { count: false });
  const requests = rateLimits(counted, now);
  const read = await execNamed(ctx.store, { requests: requests.ops, limits: limits.ops, sessionId: op.get(classroomKeys.code(code)) });
  requests.throwIfOver(read.requests);
  limits.throwIfOver(read.limits);
  const sessionId = read.sessionId;
  if (sessionId === null) {
    await countFailure(ctx.store, LIMITS.wrongCodes, requester.client, now);
    throw new ClassroomError("not_found", CLASSROOM_MESSAGES.codeNotFound(formatJoinCode(code)));
  }
  return { sessionId };
}

// ---------------------------------------------------------------- joining

export interface JoinInput {
  /** Typed by the student; undefined for a generated friendly name. */
  nickname: string | undefined;
  /** The player token already in this browser's cookie for the session, if any. */
  token: string | undefined;
  /** The team the student chose, when the session lets students choose. */
  team?: number | undefined;
}

/** The new player's team: the one chosen, or the smallest so far; null without teams. */
function teamFor(session: SessionRecord, chosen: number | undefined): number | null {
  const teams = session.settings.teams;
  if (!teams) return null;
  if (teams.assignment === "balanced") return balancedTeam(teams, session.teamJoined);
  if (chosen === undefined || chosen > teams.count) throw new ClassroomError("invalid_team", CLASSROOM_MESSAGES.chooseTeam(teams.count));
  return chosen;
}

/** Generated names collide rarely (29 × 32 × 90 of them); a few fresh ones always find a free one. */
const GENERATED_TRIES = 6;

function refuseJoin(session: SessionRecord, seats: number, now: number): void {
  if (effectivePhase(session, now) === "ended") throw new ClassroomError("ended", CLASSROOM_MESSAGES.ended);
  if (session.locked) throw new ClassroomError("locked", CLASSROOM_MESSAGES.locked);
  if (session.players >= seats) throw new ClassroomError("full", CLASSROOM_MESSAGES.full);
  if (session.approval && session.waiting >= waitingPlaces(seats)) throw new ClassroomError("waiting_full", CLASSROOM_MESSAGES.waitingFull);
}

/**
 * Two round trips. First the session (and this browser's player, if it has
 * a token), with the client's join limit counted in the same transaction and
 * the idempotency key, if any, claimed (join-retry.ts). Then an `execIf` that
 * claims the nickname (it must be free: unique per session,
 * case-insensitively) and writes the player, the roster entry, the score,
 * the seat count and the completed idempotency record together.
 *
 * The seat count is only known after the write, so the 201st of several
 * simultaneous joins takes itself out again (a third round trip, only
 * then): the cap is never exceeded once the transaction settles. A join
 * that claimed a key and then fails or rejoins releases it (one more).
 */
export async function joinSession(ctx: ServiceContext, sessionId: string, input: JoinInput, requester: Requester): Promise<Joined> {
  assertSessionId(sessionId);
  const now = ctx.now();
  const limits = rateLimits([{ rule: joinsPerNetwork(ctx.classroomMaxPlayers), subject: requester.client }], now);
  const retry = requester.idempotencyKey === undefined ? undefined : joinRetry(sessionId, requester.idempotencyKey, input);
  const existingId = input.token ? playerIdFor(input.token) : undefined;
  const read = await execNamed(ctx.store, {
    limits: limits.ops,
    session: op.hgetall(classroomKeys.session(sessionId)),
    player: existingId ? [op.hgetall(classroomKeys.player(sessionId, existingId))] : [],
    retry: retry?.ops ?? {},
  });
  const session = sessionFrom(sessionId, read.session);
  const [playerHash = {}] = read.player;
  const ttl = ttlSeconds(session.expiresAt, now);

  // A retry of a join that went through: the same player and token, and nothing written.
  const earlier = retry?.earlier(read.retry as JoinRetryResults);
  if (earlier) return { ...earlier, rejoined: false, ttlSeconds: ttl };

  try {
    // Back on the same phone: the same player, answers (or place in the waiting room) and all. A removed one stays out.
    const existing = existingId ? parsePlayer(existingId, playerHash) : null;
    if (existing && input.token) {
      refuseRemoved(existing);
      if (retry) await ctx.store.exec([retry.releaseOp]);
      return { token: input.token, playerId: existing.id, nickname: existing.nickname, rejoined: true, waiting: existing.waiting, ttlSeconds: ttl };
    }
    limits.throwIfOver(read.limits);
    refuseJoin(session, ctx.classroomMaxPlayers, now);
    return await addPlayer(ctx, session, { nickname: input.nickname, team: teamFor(session, input.team) }, requester.client, retry, now);
  } catch (error) {
    // Let a retry of a failed join try again. If even this fails, the claim expires within a minute.
    if (retry) await ctx.store.exec([retry.releaseOp]).catch(() => undefined);
    throw error;
  }
}

/**
 * The nickname claim and the player's keys: one `execIf` per try (generated
 * names retry on a clash). The session's join limits are counted here, in
 * the write, so only joins that try to take a seat use them up: a refused
 * join (locked, full, ended) or a phone coming back costs the session nothing.
 *
 * The player waits for the teacher (lib/classroom/waiting-room.ts) when the
 * teacher asks to let each one in, or when their network has used its
 * straight-in seats: then the write is refused by that limit and made again
 * as a waiting player (one more round trip, only then; nothing counted twice).
 */
async function addPlayer(
  ctx: ServiceContext,
  session: SessionRecord,
  choice: { nickname: string | undefined; team: number | null },
  client: string,
  retry: JoinRetry | undefined,
  now: number,
): Promise<Joined> {
  const sessionId = session.id;
  const seats = ctx.classroomMaxPlayers;
  const perSession: LimitedBy = { rule: joinsPerSession(seats), subject: sessionId };
  const perNetwork: LimitedBy = { rule: LIMITS.seatsPerNetwork, subject: `${sessionId}:${client}` };
  const ttl = ttlSeconds(session.expiresAt, now);
  let typed: string | undefined;
  if (choice.nickname !== undefined) {
    const normalized = normalizeNickname(choice.nickname);
    if (!normalized.ok) throw new ClassroomError("invalid_nickname", normalized.message);
    typed = normalized.nickname;
  }

  for (let attempt = 0; attempt < (typed ? 1 : GENERATED_TRIES); attempt += 1) {
    const nickname = typed ?? friendlyName();
    const token = retry?.token ?? newPlayerToken();
    const player = { id: playerIdFor(token), nickname, joinedAt: now, team: choice.team };
    const claim = async (waiting: boolean, checks: LimitedBy[]) => {
      const limits = rateLimits(checks, now);
      const outcome = await execIfNamed(
        ctx.store,
        { key: classroomKeys.nickname(sessionId, nicknameHash(nickname)), expect: null, value: player.id, ttlSeconds: ttl, limits: limits.guard },
        {
          player: playerOps(session, { ...player, waiting }, ttl),
          retryDone: retry ? [retry.doneOp({ nickname, playerId: player.id, waiting }, ttl)] : [],
        },
      );
      return { outcome, limits, waiting };
    };
    let claimed = session.approval ? await claim(true, [perSession]) : await claim(false, [perSession, perNetwork]);
    // Over the network's straight-in seats (the second limit): wait for the teacher instead; both limits are already counted.
    if (!claimed.outcome.applied && claimed.outcome.refusedBy === 1) {
      if (session.waiting >= waitingPlaces(seats)) throw new ClassroomError("waiting_full", CLASSROOM_MESSAGES.waitingFull);
      claimed = await claim(true, []);
    }
    const { outcome, limits, waiting } = claimed;
    limits.throwIfRefused(outcome);
    if (!outcome.applied) continue;
    const over = outcome.results.player.count > (waiting ? waitingPlaces(seats) : seats);
    if (over) {
      await ctx.store.exec(withdrawOps(session, { ...player, waiting }, "full", now, { releaseNickname: true }));
      throw waiting ? new ClassroomError("waiting_full", CLASSROOM_MESSAGES.waitingFull) : new ClassroomError("full", CLASSROOM_MESSAGES.full);
    }
    return { token, playerId: player.id, nickname, rejoined: false, waiting, ttlSeconds: ttl };
  }
  if (typed) throw new ClassroomError("nickname_taken", CLASSROOM_MESSAGES.nicknameTaken);
  throw new Error(`No free generated nickname after ${GENERATED_TRIES} tries`);
}

/** A player as the roster knows them. */
export interface PlayerEntry {
  id: string;
  nickname: string;
  joinedAt: number;
  waiting: boolean;
  /** The player's team; absent or null without teams. */
  team?: number | null;
}

/**
 * A new player's keys, seated or waiting; `count` reads the session's new
 * number of players (or of waiting players). A waiting player has no score
 * until they are let in.
 */
function playerOps(session: SessionRecord, player: PlayerEntry, ttl: number) {
  const id = session.id;
  const { nickname, joinedAt, waiting, team = null } = player;
  return {
    hash: [
      op.hset(classroomKeys.player(id, player.id), {
        [P.nickname]: nickname,
        [P.joinedAt]: String(joinedAt),
        ...(waiting ? { [P.waiting]: "1" } : {}),
        ...(team === null ? {} : { [P.team]: String(team) }),
      }),
      op.expire(classroomKeys.player(id, player.id), ttl),
    ],
    roster: [
      op.hset(classroomKeys.roster(id), { [player.id]: encodeRosterEntry({ nickname, joinedAt, waiting, removed: undefined, team }) }),
      op.expire(classroomKeys.roster(id), ttl),
    ],
    count: op.hincrby(classroomKeys.session(id), waiting ? F.waiting : F.players, 1),
    teamJoined: team === null ? [] : [op.hincrby(classroomKeys.session(id), `${F.teamJoinedPrefix}${team}`, 1)],
    scores: waiting ? [] : [op.zadd(classroomKeys.scores(id), 0, player.id), op.expire(classroomKeys.scores(id), ttl)],
  };
}

/**
 * Takes a player out of the session: marked in their hash (so their token
 * is refused from now on, whatever cookies they clear) and in the roster,
 * their seat (or place in the waiting room) freed and their score sunk
 * below every real one (the store has no ZREM; standings skip negative
 * scores). A removed player's nickname stays claimed unless
 * `releaseNickname`, so they cannot come back under it.
 */
export function withdrawOps(
  session: SessionRecord,
  player: PlayerEntry,
  reason: "removed" | "turned-away" | "full",
  now: number,
  options: { releaseNickname: boolean },
): Op[] {
  const ttl = ttlSeconds(session.expiresAt, now);
  const id = session.id;
  return [
    op.hset(classroomKeys.player(id, player.id), { [P.removed]: reason }),
    op.expire(classroomKeys.player(id, player.id), ttl),
    op.hset(classroomKeys.roster(id), { [player.id]: encodeRosterEntry({ ...player, removed: reason }) }),
    op.expire(classroomKeys.roster(id), ttl),
    op.hincrby(classroomKeys.session(id), player.waiting ? F.waiting : F.players, -1),
    op.expire(classroomKeys.session(id), ttl),
    ...(player.waiting ? [] : [op.zadd(classroomKeys.scores(id), -1, player.id), op.expire(classroomKeys.scores(id), ttl)]),
    ...(options.releaseNickname ? [op.del(classroomKeys.nickname(id, nicknameHash(player.nickname)))] : []),
  ];
}

// ---------------------------------------------------------------- the join page

/** One round trip: what the join page needs to know before showing the nickname step. */
export async function getJoinInfo(ctx: ServiceContext, sessionId: string, token: string | undefined): Promise<JoinInfo> {
  assertSessionId(sessionId);
  const playerId = token ? playerIdFor(token) : undefined;
  const read = await execNamed(ctx.store, {
    session: op.hgetall(classroomKeys.session(sessionId)),
    player: playerId ? [op.hgetall(classroomKeys.player(sessionId, playerId))] : [],
  });
  const session = sessionFrom(sessionId, read.session);
  const [playerHash] = read.player;
  const player = playerId && playerHash ? parsePlayer(playerId, playerHash) : null;
  let refusal: string | null = null;
  try {
    refuseJoin(session, ctx.classroomMaxPlayers, ctx.now());
  } catch (error) {
    if (!(error instanceof ClassroomError)) throw error;
    refusal = error.message;
  }
  return {
    sessionId,
    code: session.code,
    settings: session.settings,
    refusal,
    player: !player ? "none" : player.removed === "turned-away" ? "turned-away" : player.removed ? "removed" : "active",
  };
}

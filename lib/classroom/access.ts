import "server-only";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op } from "@/lib/store";
import type { ScoredMember } from "@/lib/store/types";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { classroomKeys } from "./keys";
import { parsePlayer, parseRoster, parseSession, type PlayerRecord, type RosterRecord, type SessionRecord } from "./record";
import { assertSessionId } from "./requests";
import { isHostCredential, playerIdFor } from "./tokens";

/** Who is asking, from their cookies: the teacher's credential or a student's token. */

export function sessionFrom(sessionId: string, hash: Readonly<Record<string, string>>): SessionRecord {
  const session = parseSession(sessionId, hash);
  if (!session) throw new ClassroomError("not_found", CLASSROOM_MESSAGES.notFound);
  return session;
}

export function requireHost(session: SessionRecord, credential: string | undefined): void {
  if (!isHostCredential(credential, session.hostHash)) throw new ClassroomError("not_host", CLASSROOM_MESSAGES.notHost);
}

/** A player the teacher took out or did not let in is refused (403), with why. */
export function refuseRemoved(player: PlayerRecord): void {
  if (player.removed === "turned-away") throw new ClassroomError("removed", CLASSROOM_MESSAGES.turnedAway);
  if (player.removed) throw new ClassroomError("removed", CLASSROOM_MESSAGES.removed);
}

/**
 * A player who may still take part; a removed one is refused (403), one
 * still waiting to be let in too ("waiting", 403), an unknown one is not found (404).
 */
export function activePlayerFrom(playerId: string, hash: Readonly<Record<string, string>>): PlayerRecord {
  const player = parsePlayer(playerId, hash);
  if (!player) throw new ClassroomError("not_joined", CLASSROOM_MESSAGES.notPlayer);
  refuseRemoved(player);
  if (player.waiting) throw new ClassroomError("waiting", CLASSROOM_MESSAGES.waiting);
  return player;
}

/** The player id a token stands for; no token is "not in this session". */
export function playerIdFromToken(token: string | undefined): string {
  if (!token || token.length > 64) throw new ClassroomError("not_joined", CLASSROOM_MESSAGES.notPlayer);
  return playerIdFor(token);
}

/** One round trip: the session, for the teacher holding `credential`. */
export async function readHostSession(ctx: ServiceContext, sessionId: string, credential: string | undefined): Promise<SessionRecord> {
  assertSessionId(sessionId);
  const read = await execNamed(ctx.store, { session: op.hgetall(classroomKeys.session(sessionId)) });
  const session = sessionFrom(sessionId, read.session);
  requireHost(session, credential);
  return session;
}

/** One round trip: the session and its roster (and the scores, when asked: the dashboard's order), for the teacher holding `credential`. */
export async function readHostSessionAndRoster(
  ctx: ServiceContext,
  sessionId: string,
  credential: string | undefined,
  { withScores = false }: { withScores?: boolean } = {},
): Promise<{ session: SessionRecord; roster: RosterRecord[]; scores: ScoredMember[] }> {
  assertSessionId(sessionId);
  const read = await execNamed(ctx.store, {
    session: op.hgetall(classroomKeys.session(sessionId)),
    roster: op.hgetall(classroomKeys.roster(sessionId)),
    scores: withScores ? [op.zrange(classroomKeys.scores(sessionId), 0, -1)] : [],
  });
  const session = sessionFrom(sessionId, read.session);
  requireHost(session, credential);
  return { session, roster: parseRoster(read.roster), scores: read.scores[0] ?? [] };
}

/** One round trip: the session and the player whose token this is. */
export async function readPlayerSession(
  ctx: ServiceContext,
  sessionId: string,
  token: string | undefined,
): Promise<{ session: SessionRecord; player: PlayerRecord }> {
  assertSessionId(sessionId);
  const playerId = playerIdFromToken(token);
  const read = await execNamed(ctx.store, {
    session: op.hgetall(classroomKeys.session(sessionId)),
    player: op.hgetall(classroomKeys.player(sessionId, playerId)),
  });
  return { session: sessionFrom(sessionId, read.session), player: activePlayerFrom(playerId, read.player) };
}

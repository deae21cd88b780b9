import "server-only";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op, type Op } from "@/lib/store";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { withdrawOps } from "./join";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { encodeRosterEntry, seatedPlayers, waitingPlayers, type RosterRecord, type SessionRecord } from "./record";
import type { HostActionInput, RosterAction } from "./requests";
import { WAITING_ROOM } from "./settings";

/**
 * The waiting room: who gets into a session is the teacher's call. New
 * players wait to be let in while the teacher asks for that ("ask"), and
 * always once their network has used its straight-in seats
 * (lib/classroom/limits.ts), so a script from one address cannot fill the
 * session, and a class behind that address gets in with one "Let all in".
 * Waiting players hold no seat and no score; they have their own cap.
 *
 * Each action is one write (after the host state's one read, host.ts); the
 * players acted on are the ones the teacher's screen showed (`seenAt`).
 * Letting players in checks the seats it took after the write: when joins
 * raced it past the cap, the last ones go back to waiting (one more write,
 * only then), so the cap holds once the writes settle.
 */

export type WaitingRoomAction = Exclude<RosterAction, "lock" | "unlock" | "remove" | "accommodate">;

/** The players a burst clear takes: seated ones who joined in the minute up to `seenAt`. */
export function recentPlayers(roster: readonly RosterRecord[], seenAt: number): RosterRecord[] {
  return seatedPlayers(roster).filter((entry) => entry.joinedAt <= seenAt && entry.joinedAt > seenAt - WAITING_ROOM.burstMs);
}

/** Moves players between the waiting room and the seats, with the session's two counts; `seats` reads the new count of seated players. */
function moveOps(session: SessionRecord, entries: readonly RosterRecord[], toWaiting: boolean, ttl: number) {
  const id = session.id;
  const n = entries.length;
  return {
    each: entries.flatMap((entry): Op[] => [
      op.hset(classroomKeys.player(id, entry.id), { [P.waiting]: toWaiting ? "1" : "" }),
      op.expire(classroomKeys.player(id, entry.id), ttl),
      op.hset(classroomKeys.roster(id), { [entry.id]: encodeRosterEntry({ ...entry, waiting: toWaiting }) }),
      // A waiting player has no standing: sunk below every real score, as a removed one (no ZREM).
      op.zadd(classroomKeys.scores(id), toWaiting ? -1 : 0, entry.id),
    ]),
    rosterTtl: op.expire(classroomKeys.roster(id), ttl),
    scoresTtl: op.expire(classroomKeys.scores(id), ttl),
    seats: op.hincrby(classroomKeys.session(id), F.players, toWaiting ? -n : n),
    waiting: op.hincrby(classroomKeys.session(id), F.waiting, toWaiting ? n : -n),
    sessionTtl: op.expire(classroomKeys.session(id), ttl),
  };
}

const mark = (roster: readonly RosterRecord[], ids: ReadonlySet<string>, change: Partial<RosterRecord>) =>
  roster.map((entry) => (ids.has(entry.id) ? { ...entry, ...change } : entry));

/** Lets `entries` in, as many as there are free seats; returns the roster as it now is. */
async function admit(ctx: ServiceContext, session: SessionRecord, roster: RosterRecord[], entries: RosterRecord[], now: number): Promise<RosterRecord[]> {
  const seats = ctx.classroomMaxPlayers;
  const room = seats - session.players;
  if (entries.length > 0 && room <= 0) throw new ClassroomError("full", CLASSROOM_MESSAGES.fullToLetIn(seats));
  const admitted = entries.slice(0, room);
  if (admitted.length === 0) return roster;
  const ttl = ttlSeconds(session.expiresAt, now);
  const taken = await execNamed(ctx.store, moveOps(session, admitted, false, ttl));
  // Joins raced this past the cap: the last ones let in wait again.
  const over = Math.min(admitted.length, taken.seats - seats);
  const kept = over > 0 ? admitted.slice(0, admitted.length - over) : admitted;
  if (over > 0) await execNamed(ctx.store, moveOps(session, admitted.slice(kept.length), true, ttl));
  return mark(roster, new Set(kept.map((entry) => entry.id)), { waiting: false });
}

/** Takes `entries` out with `reason`, in one write; returns the roster as it now is. */
async function withdraw(
  ctx: ServiceContext,
  session: SessionRecord,
  roster: RosterRecord[],
  entries: RosterRecord[],
  reason: "removed" | "turned-away",
  now: number,
): Promise<RosterRecord[]> {
  if (entries.length === 0) return roster;
  await ctx.store.exec(entries.flatMap((entry) => withdrawOps(session, entry, reason, now, { releaseNickname: false })));
  return mark(roster, new Set(entries.map((entry) => entry.id)), { removed: reason });
}

function onePlayer(roster: readonly RosterRecord[], playerId: string | undefined): RosterRecord {
  const entry = waitingPlayers(roster).find((candidate) => candidate.id === playerId);
  if (!entry) throw new ClassroomError("not_found", "That player is no longer waiting: the list now shows who is.");
  return entry;
}

/**
 * One waiting-room action; returns the roster and session fields as they now
 * are. The session's own counts are not re-read: the views count the roster.
 */
export async function waitingRoomAction(
  ctx: ServiceContext,
  session: SessionRecord,
  roster: RosterRecord[],
  input: Pick<HostActionInput, "playerId" | "seenAt"> & { action: WaitingRoomAction },
  now: number,
): Promise<{ roster: RosterRecord[]; fields: Record<string, string> }> {
  const seenAt = Math.min(input.seenAt ?? now, now);
  const seen = waitingPlayers(roster).filter((entry) => entry.joinedAt <= seenAt);
  switch (input.action) {
    case "ask":
    case "stop-asking": {
      const approval = input.action === "ask" ? "1" : "";
      const ttl = ttlSeconds(session.expiresAt, now);
      await ctx.store.exec([op.hset(classroomKeys.session(session.id), { [F.approval]: approval }), op.expire(classroomKeys.session(session.id), ttl)]);
      return { roster, fields: { [F.approval]: approval } };
    }
    case "admit":
      return { roster: await admit(ctx, session, roster, [onePlayer(roster, input.playerId)], now), fields: {} };
    case "admit-all":
      return { roster: await admit(ctx, session, roster, seen, now), fields: {} };
    case "turn-away":
      return { roster: await withdraw(ctx, session, roster, [onePlayer(roster, input.playerId)], "turned-away", now), fields: {} };
    case "turn-away-all":
      return { roster: await withdraw(ctx, session, roster, seen, "turned-away", now), fields: {} };
    case "remove-recent":
      return { roster: await withdraw(ctx, session, roster, recentPlayers(roster, seenAt), "removed", now), fields: {} };
  }
}

import "server-only";
import type { ServiceContext } from "@/lib/service";
import { op } from "@/lib/store";
import { ClassroomError } from "./errors";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import type { RosterRecord, SessionRecord } from "./record";
import type { HostActionInput } from "./requests";

/**
 * The teacher's "accommodate" action: one student's extra time and fewer
 * options, written on their player hash (which expires with the session) in
 * one write. Like the other roster actions it changes nothing the class
 * sees, so it neither needs nor moves the version. It moves the epoch
 * instead: every phone reads its own view once, and this student's finds
 * its new deadline and options (lib/classroom/follow.ts).
 */
export async function accommodate(
  ctx: ServiceContext,
  session: SessionRecord,
  roster: readonly RosterRecord[],
  input: Pick<HostActionInput, "playerId"> & Partial<Pick<HostActionInput, "extraTime" | "fewerOptions">>,
  now: number,
): Promise<void> {
  const entry = roster.find((candidate) => candidate.id === input.playerId && !candidate.removed);
  if (!entry) throw new ClassroomError("not_found", "That student is not in this session.");
  const key = classroomKeys.player(session.id, entry.id);
  const extraTime = input.extraTime ?? "none";
  await ctx.store.exec([
    op.hset(key, { [P.extraTime]: extraTime === "none" ? "" : extraTime, [P.fewerOptions]: input.fewerOptions ? "1" : "" }),
    op.expire(key, ttlSeconds(session.expiresAt, now)),
    op.hincrby(classroomKeys.session(session.id), F.epoch, 1),
  ]);
}

import "server-only";
import { rateLimitOps, throwIfLimited } from "@/lib/rate-limit";
import { op, type Op, type ScoredMember } from "@/lib/store";
import { requireHost, roomFrom } from "./access";
import { assertRoomId, type RoomContext } from "./context";
import { ROOM_MESSAGES, RoomError } from "./errors";
import { withdrawOps } from "./join";
import { expiryAfterEnd, ROOM_FIELDS as F, roomKeys, ttlSeconds } from "./keys";
import { ROOM_RATE_LIMITS } from "./limits";
import { effectivePhase, parseRoom, parseRoster, type RoomRecord, type RosterRecord } from "./record";
import type { HostAction, HostActionInput, HostView, LivePhase } from "./schemas";
import { distributionBars } from "./scoring";
import { nicknameHash } from "./tokens";
import { hostView, questionAt } from "./views";

/**
 * The teacher's actions. Moving a live session on (start, close, reveal,
 * standings, next, end) is a compare-and-set on the session's version key:
 * it only applies to the state the teacher was looking at, so a second
 * device or a double click cannot skip a question. Lock, unlock and remove
 * change nothing the class sees, so they neither need nor bump the version.
 */

/** The top of the standings shown on the projector and the phones. */
const TOP_COUNT = 5;

type StateAction = Exclude<HostAction, "lock" | "unlock" | "remove">;

/** From which (effective) phases each action may be taken. */
const ALLOWED_FROM: Record<StateAction, readonly LivePhase[]> = {
  start: ["lobby"],
  close: ["open"],
  reveal: ["open", "closed"],
  standings: ["reveal"],
  next: ["closed", "reveal", "standings"],
  end: ["lobby", "open", "closed", "reveal", "standings"],
};

const HOMEWORK_ACTIONS: readonly HostAction[] = ["end", "lock", "unlock", "remove"];

interface HostState {
  room: RoomRecord;
  roomHash: Record<string, string>;
  roster: RosterRecord[];
  /** Highest first. */
  scores: ScoredMember[];
}

/**
 * One round trip: the session, its roster and its scores, with the host
 * action limit counted in it (refused before anything is written). It is
 * keyed by the credential presented, so refused strangers count apart.
 */
async function readHostState(ctx: RoomContext, roomId: string, credential: string | undefined): Promise<HostState> {
  assertRoomId(roomId);
  const rule = ROOM_RATE_LIMITS.hostActions;
  const check = rateLimitOps(rule, `${roomId}:${credential ?? ""}`, ctx.now(), { count: true });
  const results = await ctx.store.exec([
    ...check.ops,
    op.hgetall(roomKeys.room(roomId)),
    op.hgetall(roomKeys.roster(roomId)),
    op.zrange(roomKeys.scores(roomId), 0, -1, { reverse: true }),
  ]);
  const [roomHash, rosterHash, scores] = results.slice(check.ops.length) as [
    Record<string, string>,
    Record<string, string>,
    ScoredMember[],
  ];
  const room = roomFrom(roomId, roomHash);
  requireHost(room, credential);
  throwIfLimited(rule, check.verdict(results));
  return { room, roomHash, roster: parseRoster(rosterHash), scores };
}

/** One round trip, read only: what the projector shows. */
export async function getHostView(ctx: RoomContext, roomId: string, credential: string | undefined): Promise<HostView> {
  assertRoomId(roomId);
  const [roomHash, rosterHash] = await ctx.store.exec([op.hgetall(roomKeys.room(roomId)), op.hgetall(roomKeys.roster(roomId))]);
  const room = roomFrom(roomId, roomHash);
  requireHost(room, credential);
  return hostView(ctx.bank, room, parseRoster(rosterHash), ctx.now());
}

/** Top five and every active score, for the standings and the podium; removed players are left out. */
function standingsFields(state: HostState): Record<string, string> {
  const active = new Map(state.roster.filter((entry) => !entry.removed).map((entry) => [entry.id, entry.nickname]));
  const ranked = state.scores.flatMap(({ member, score }) => {
    const nickname = active.get(member);
    return nickname !== undefined && score >= 0 ? [{ n: nickname, s: score }] : [];
  });
  return { [F.top]: JSON.stringify(ranked.slice(0, TOP_COUNT)), [F.ranking]: JSON.stringify(ranked.map((entry) => entry.s)) };
}

/** One more round trip: the class's answers to the current question, frozen into the reveal. */
async function revealFields(ctx: RoomContext, room: RoomRecord): Promise<Record<string, string>> {
  const question = questionAt(ctx.bank, room, room.index);
  const ref = room.questions[room.index];
  const [counts] = await ctx.store.exec([op.hgetall(roomKeys.distribution(room.id, room.index))]);
  const bars = question && ref ? distributionBars(question, ref.order, counts) : [];
  const reveal = { index: room.index, answered: Number(counts.total ?? 0) || 0, counts: bars.map((bar) => bar.count) };
  return { [F.phase]: "reveal", [F.reveal]: JSON.stringify(reveal) };
}

function openFields(room: RoomRecord, index: number, now: number): Record<string, string> {
  const timer = room.settings.timer;
  return {
    [F.phase]: "open",
    [F.index]: String(index),
    [F.openedAt]: String(now),
    [F.closesAt]: timer > 0 ? String(now + timer * 1000) : "",
    [F.reveal]: "",
  };
}

/**
 * Ending shortens the life of everything in the session to 7 days from now:
 * every key it wrote, found from the roster (players, their answer
 * counters, their nicknames) and the question count.
 */
function endOps(state: HostState, now: number): { fields: Record<string, string>; ops: Op[]; expiresAt: number } {
  const { room } = state;
  const expiresAt = expiryAfterEnd(now, room.expiresAt);
  const ttl = ttlSeconds(expiresAt, now);
  const id = room.id;
  const keys = [
    roomKeys.code(room.code),
    roomKeys.roster(id),
    roomKeys.scores(id),
    ...room.questions.map((_, index) => roomKeys.distribution(id, index)),
    ...state.roster.flatMap((entry) => [
      roomKeys.player(id, entry.id),
      roomKeys.playerSeq(id, entry.id),
      roomKeys.nickname(id, nicknameHash(entry.nickname)),
    ]),
  ];
  return {
    fields: { ...standingsFields(state), [F.phase]: "ended", [F.endedAt]: String(now), [F.expiresAt]: String(expiresAt) },
    ops: keys.map((key) => op.expire(key, ttl)),
    expiresAt,
  };
}

async function stateFields(
  ctx: RoomContext,
  state: HostState,
  action: StateAction,
  now: number,
): Promise<{ fields: Record<string, string>; ops: Op[]; expiresAt: number }> {
  const { room } = state;
  const plain = (fields: Record<string, string>) => ({ fields, ops: [], expiresAt: room.expiresAt });
  switch (action) {
    case "start":
      return plain(openFields(room, 0, now));
    case "close":
      return plain({ [F.phase]: "closed", [F.closesAt]: String(now) });
    case "reveal":
      return plain(await revealFields(ctx, room));
    case "standings":
      return plain({ [F.phase]: "standings", ...standingsFields(state) });
    case "next":
      return room.index + 1 < room.questions.length ? plain(openFields(room, room.index + 1, now)) : endOps(state, now);
    case "end":
      return endOps(state, now);
  }
}

/**
 * Two round trips (three for a reveal, which reads the answer counts):
 * read the session, its roster and scores; then write. Returns what the
 * projector shows next.
 */
export async function hostAction(
  ctx: RoomContext,
  roomId: string,
  credential: string | undefined,
  input: Pick<HostActionInput, "action" | "version" | "playerId">,
): Promise<HostView> {
  const state = await readHostState(ctx, roomId, credential);
  const { room } = state;
  const now = ctx.now();
  const phase = effectivePhase(room, now);
  const { action } = input;
  if (room.settings.mode === "homework" && !HOMEWORK_ACTIONS.includes(action)) {
    throw new RoomError("conflict", "Homework runs at each student's own pace: there is nothing to start or reveal.");
  }
  if (phase === "ended") throw new RoomError("ended", "This session has ended. Its results stay on the dashboard.");

  const ttl = ttlSeconds(room.expiresAt, now);
  const updated = { ...state.roomHash };
  let roster = state.roster;

  if (action === "lock" || action === "unlock") {
    const locked = action === "lock" ? "1" : "";
    await ctx.store.exec([op.hset(roomKeys.room(roomId), { [F.locked]: locked }), op.expire(roomKeys.room(roomId), ttl)]);
    updated[F.locked] = locked;
  } else if (action === "remove") {
    const entry = roster.find((candidate) => candidate.id === input.playerId);
    if (!entry) throw new RoomError("not_found", "That student is not in this session.");
    if (!entry.removed) {
      await ctx.store.exec(withdrawOps(room, entry, "removed", now, { releaseNickname: false }));
      roster = roster.map((candidate) => (candidate.id === entry.id ? { ...candidate, removed: "removed" } : candidate));
    }
  } else {
    if (input.version !== room.version) throw new RoomError("conflict", ROOM_MESSAGES.stale);
    if (!ALLOWED_FROM[action].includes(phase)) throw new RoomError("conflict", ROOM_MESSAGES.stale);
    const change = await stateFields(ctx, state, action, now);
    const version = String(room.version + 1);
    const fields = { ...change.fields, [F.version]: version };
    const ttlAfter = ttlSeconds(change.expiresAt, now);
    const outcome = await ctx.store.execIf(
      { key: roomKeys.version(roomId), expect: String(room.version), value: version, ttlSeconds: ttlAfter },
      [op.hset(roomKeys.room(roomId), fields), op.expire(roomKeys.room(roomId), ttlAfter), ...change.ops],
    );
    if (!outcome.applied) throw new RoomError("conflict", ROOM_MESSAGES.stale);
    Object.assign(updated, fields);
  }

  const next = parseRoom(roomId, updated);
  if (!next) throw new RoomError("not_found", ROOM_MESSAGES.notFound);
  return hostView(ctx.bank, next, roster, now);
}

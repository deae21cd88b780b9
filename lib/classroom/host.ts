import "server-only";
import { rateLimits } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op, type Op, type ScoredMember } from "@/lib/store";
import { readHostSessionAndRoster, requireHost, sessionFrom } from "./access";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { withdrawOps } from "./join";
import { expiryAfterEnd, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { CLASSROOM_RATE_LIMITS } from "./limits";
import { hostView, questionAt } from "./live";
import { effectivePhase, parseSession, parseRoster, type SessionRecord, type RosterRecord } from "./record";
import { assertSessionId } from "./requests";
import { ROSTER_ACTIONS, type HostAction, type HostActionInput, type RosterAction } from "./requests";
import { classTally, distributionBars } from "./scoring";
import { teamNumbers, teamStandingsNow } from "./teams";
import { nicknameHash } from "./tokens";
import type { HostView, LivePhase } from "./views";
import { accommodate } from "./accommodate";
import { waitingRoomAction } from "./waiting-room";

/**
 * The teacher's actions. Moving a live session on (start, close, reveal,
 * standings, next, end) is a compare-and-set on the session's version key:
 * it only applies to the state the teacher was looking at, so a second
 * device or a double click cannot skip a question. The roster actions
 * (lock, unlock, remove, accommodate, and the waiting room's:
 * lib/classroom/waiting-room.ts) change nothing the class sees, so they
 * neither need nor bump the version; remove and accommodate move the epoch
 * (LiveShared), which sends each phone to read its own view once.
 */

/** The top of the standings shown on the projector and the phones. */
const TOP_COUNT = 5;

type StateAction = Exclude<HostAction, RosterAction>;

const isRosterAction = (action: HostAction): action is RosterAction => (ROSTER_ACTIONS as readonly string[]).includes(action);

/** From which (effective) phases each action may be taken. */
const ALLOWED_FROM: Record<StateAction, readonly LivePhase[]> = {
  start: ["lobby"],
  close: ["open"],
  reveal: ["open", "closed"],
  standings: ["reveal"],
  next: ["closed", "reveal", "standings"],
  end: ["lobby", "open", "closed", "reveal", "standings"],
};

const HOMEWORK_ACTIONS: readonly HostAction[] = ["end", ...ROSTER_ACTIONS];

interface HostState {
  session: SessionRecord;
  sessionHash: Record<string, string>;
  roster: RosterRecord[];
  /** Highest first. */
  scores: ScoredMember[];
  /** Points counted for each team (lib/classroom/teams.ts). */
  teamPoints: ScoredMember[];
}

/** The actions that may freeze the standings (`next` does when it ends the session), and so read the scores. */
const STANDINGS_ACTIONS: readonly HostAction[] = ["standings", "next", "end"];

/**
 * One round trip: the session and its roster (and the scores, for an
 * action that may freeze the standings), with the host action limit
 * counted in it (refused before anything is written). It is keyed by the
 * credential presented, so refused strangers count apart.
 */
async function readHostState(ctx: ServiceContext, sessionId: string, credential: string | undefined, action: HostAction): Promise<HostState> {
  assertSessionId(sessionId);
  const limits = rateLimits([{ rule: CLASSROOM_RATE_LIMITS.hostActions, subject: `${sessionId}:${credential ?? ""}` }], ctx.now());
  const standings = STANDINGS_ACTIONS.includes(action);
  const read = await execNamed(ctx.store, {
    limits: limits.ops,
    session: op.hgetall(classroomKeys.session(sessionId)),
    roster: op.hgetall(classroomKeys.roster(sessionId)),
    scores: standings ? [op.zrange(classroomKeys.scores(sessionId), 0, -1, { reverse: true })] : [],
    teamPoints: standings ? [op.zrange(classroomKeys.teamScores(sessionId), 0, -1)] : [],
  });
  const session = sessionFrom(sessionId, read.session);
  requireHost(session, credential);
  limits.throwIfOver(read.limits);
  return { session, sessionHash: read.session, roster: parseRoster(read.roster), scores: read.scores[0] ?? [], teamPoints: read.teamPoints[0] ?? [] };
}

/** One round trip, read only: what the projector shows. */
export async function getHostView(ctx: ServiceContext, sessionId: string, credential: string | undefined): Promise<HostView> {
  const { session, roster } = await readHostSessionAndRoster(ctx, sessionId, credential);
  return hostView(ctx.bank, session, roster, ctx.now());
}

/** Top five and every active score, for the standings and the podium; removed players are left out. */
function standingsFields(state: HostState): Record<string, string> {
  const active = new Map(state.roster.filter((entry) => !entry.removed).map((entry) => [entry.id, entry.nickname]));
  const ranked = state.scores.flatMap(({ member, score }) => {
    const nickname = active.get(member);
    return nickname !== undefined && score >= 0 ? [{ n: nickname, s: score }] : [];
  });
  const teams = state.session.settings.teams;
  const teamTop = teams ? teamStandingsNow(teams, state.teamPoints, state.roster).map(({ team, score, members }) => ({ t: team, s: score, m: members })) : null;
  return {
    [F.top]: JSON.stringify(ranked.slice(0, TOP_COUNT)),
    [F.ranking]: JSON.stringify(ranked.map((entry) => entry.s)),
    ...(teamTop ? { [F.teamTop]: JSON.stringify(teamTop) } : {}),
  };
}

/** One more round trip: the class's answers to the current question, frozen into the reveal. */
async function revealFields(ctx: ServiceContext, session: SessionRecord): Promise<Record<string, string>> {
  const question = questionAt(ctx.bank, session, session.index);
  const ref = session.questions[session.index];
  const { counts } = await execNamed(ctx.store, { counts: op.hgetall(classroomKeys.distribution(session.id, session.index)) });
  const bars = question && ref ? distributionBars(question, ref.order, counts) : [];
  const reveal = { index: session.index, answered: question ? classTally(question, counts).total : 0, counts: bars.map((bar) => bar.count) };
  return { [F.phase]: "reveal", [F.reveal]: JSON.stringify(reveal) };
}

/** Opening a question also creates its distribution key with the session's expiry, so that answers need not set one. */
function openQuestion(session: SessionRecord, index: number, now: number): { fields: Record<string, string>; ops: Op[]; expiresAt: number } {
  const timer = session.settings.timer;
  const distribution = classroomKeys.distribution(session.id, index);
  return {
    fields: {
      [F.phase]: "open",
      [F.index]: String(index),
      [F.openedAt]: String(now),
      [F.preparedDistribution]: String(index),
      [F.closesAt]: timer > 0 ? String(now + timer * 1000) : "",
      [F.reveal]: "",
    },
    ops: [op.hset(distribution, { opened: String(now) }), op.expire(distribution, ttlSeconds(session.expiresAt, now))],
    expiresAt: session.expiresAt,
  };
}

/** A team session's own keys: its team points and each question's "first answer" claims. */
function teamKeys(session: SessionRecord): string[] {
  const teams = session.settings.teams;
  if (!teams) return [];
  const claims = session.questions.flatMap((_, index) => teamNumbers(teams).map((team) => classroomKeys.teamAnswer(session.id, index, team)));
  return [classroomKeys.teamScores(session.id), ...claims];
}

/**
 * Ending shortens the life of everything in the session to 7 days from now:
 * every key it wrote, found from the roster (players, their answer
 * counters, their nicknames) and the question count.
 */
function endOps(state: HostState, now: number): { fields: Record<string, string>; ops: Op[]; expiresAt: number } {
  const { session } = state;
  const expiresAt = expiryAfterEnd(now, session.expiresAt);
  const ttl = ttlSeconds(expiresAt, now);
  const id = session.id;
  const keys = [
    classroomKeys.code(session.code),
    classroomKeys.roster(id),
    classroomKeys.scores(id),
    ...session.questions.map((_, index) => classroomKeys.distribution(id, index)),
    ...teamKeys(session),
    ...state.roster.flatMap((entry) => [
      classroomKeys.player(id, entry.id),
      classroomKeys.playerSeq(id, entry.id),
      classroomKeys.nickname(id, nicknameHash(entry.nickname)),
    ]),
  ];
  return {
    fields: { ...standingsFields(state), [F.phase]: "ended", [F.endedAt]: String(now), [F.expiresAt]: String(expiresAt) },
    ops: keys.map((key) => op.expire(key, ttl)),
    expiresAt,
  };
}

async function stateFields(
  ctx: ServiceContext,
  state: HostState,
  action: StateAction,
  now: number,
): Promise<{ fields: Record<string, string>; ops: Op[]; expiresAt: number }> {
  const { session } = state;
  const plain = (fields: Record<string, string>) => ({ fields, ops: [], expiresAt: session.expiresAt });
  switch (action) {
    case "start":
      return openQuestion(session, 0, now);
    case "close":
      return plain({ [F.phase]: "closed", [F.closesAt]: String(now) });
    case "reveal":
      return plain(await revealFields(ctx, session));
    case "standings":
      return plain({ [F.phase]: "standings", ...standingsFields(state) });
    case "next":
      return session.index + 1 < session.questions.length ? openQuestion(session, session.index + 1, now) : endOps(state, now);
    case "end":
      return endOps(state, now);
  }
}

/**
 * Two round trips (three for a reveal, which reads the answer counts):
 * read the session and its roster (and scores); then write. Returns what the
 * projector shows next.
 */
export async function hostAction(
  ctx: ServiceContext,
  sessionId: string,
  credential: string | undefined,
  input: Pick<HostActionInput, "action" | "version" | "playerId" | "seenAt"> & Partial<Pick<HostActionInput, "extraTime" | "fewerOptions">>,
): Promise<HostView> {
  const state = await readHostState(ctx, sessionId, credential, input.action);
  const { session } = state;
  const now = ctx.now();
  const phase = effectivePhase(session, now);
  const { action } = input;
  if (session.settings.mode === "homework" && !HOMEWORK_ACTIONS.includes(action)) {
    throw new ClassroomError("conflict", "Homework runs at each student's own pace: there is nothing to start or reveal.");
  }
  if (phase === "ended") throw new ClassroomError("ended", "This session has ended. Its results stay on the dashboard.");

  const ttl = ttlSeconds(session.expiresAt, now);
  const updated = { ...state.sessionHash };
  let roster = state.roster;

  if (action === "lock" || action === "unlock") {
    const locked = action === "lock" ? "1" : "";
    await ctx.store.exec([op.hset(classroomKeys.session(sessionId), { [F.locked]: locked }), op.expire(classroomKeys.session(sessionId), ttl)]);
    updated[F.locked] = locked;
  } else if (action === "remove") {
    const entry = roster.find((candidate) => candidate.id === input.playerId);
    if (!entry) throw new ClassroomError("not_found", "That student is not in this session.");
    if (!entry.removed) {
      // The epoch sends every phone to read its own view once: this one finds it was removed.
      await ctx.store.exec([...withdrawOps(session, entry, "removed", now, { releaseNickname: false }), op.hincrby(classroomKeys.session(sessionId), F.epoch, 1)]);
      roster = roster.map((candidate) => (candidate.id === entry.id ? { ...candidate, removed: "removed" } : candidate));
    }
  } else if (action === "accommodate") {
    await accommodate(ctx, session, roster, input, now);
  } else if (isRosterAction(action)) {
    const change = await waitingRoomAction(ctx, session, roster, { ...input, action }, now);
    roster = change.roster;
    Object.assign(updated, change.fields);
  } else {
    if (input.version !== session.version) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.stale);
    if (!ALLOWED_FROM[action].includes(phase)) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.stale);
    const change = await stateFields(ctx, state, action, now);
    const version = String(session.version + 1);
    const fields = { ...change.fields, [F.version]: version };
    const ttlAfter = ttlSeconds(change.expiresAt, now);
    // The session hash keeps its expiry through HSET: only ending it shortens that.
    const shortened = change.expiresAt === session.expiresAt ? [] : [op.expire(classroomKeys.session(sessionId), ttlAfter)];
    const outcome = await ctx.store.execIf(
      { key: classroomKeys.version(sessionId), expect: String(session.version), value: version, ttlSeconds: ttlAfter },
      [op.hset(classroomKeys.session(sessionId), fields), ...shortened, ...change.ops],
    );
    if (!outcome.applied) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.stale);
    Object.assign(updated, fields);
  }

  const next = parseSession(sessionId, updated);
  if (!next) throw new ClassroomError("not_found", CLASSROOM_MESSAGES.notFound);
  return hostView(ctx.bank, next, roster, now);
}

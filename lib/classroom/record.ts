import { z } from "zod";
import { Topic } from "@/lib/content/schemas";
import { decodeRefs, type QuestionRef } from "@/lib/questions/refs";
import type { NormalizedAnswer } from "@/lib/questions/schemas";
import { decodeAnswer } from "@/lib/questions/scoring";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F } from "./keys";
import { EXTRA_TIME_CHOICES, SESSION_MODES, SCORING_CHOICES, TEAM_ASSIGNMENTS, TEAM_COUNTS, TEAM_RULES, TIMER_CHOICES, type Accommodations } from "./settings";
import { LIVE_PHASES, type LivePhase, type SessionSettings, type TeamSettings } from "./views";

/**
 * The session, roster and player hashes, parsed. Stored data is untrusted
 * like any input (an older deploy may have written it), so it goes through
 * schemas; a hash that cannot be read is treated as missing.
 *
 * The current question is not stored as text: it is rebuilt from the
 * question refs and the bank, so the session hash holds no question content
 * and no answer key.
 */


export interface SessionRecord {
  id: string;
  created: number;
  expiresAt: number;
  code: string;
  hostHash: string;
  settings: SessionSettings;
  topic: Topic | undefined;
  questions: QuestionRef[];
  version: number;
  /** See LiveShared's `epoch`. */
  epoch: number;
  /** As stored: "open" stays "open" after its timer runs out (see effectivePhase). */
  phase: LivePhase;
  index: number;
  openedAt: number | null;
  /** See SESSION_FIELDS' `preparedDistribution`; null for homework and for sessions opened before it was written. */
  preparedDistribution: number | null;
  closesAt: number | null;
  reveal: StoredReveal | null;
  top: StoredStanding[] | null;
  /** Every active player's score, highest first, from the last standings. */
  ranking: number[] | null;
  locked: boolean;
  /** The teacher lets each new player in (the waiting room). */
  approval: boolean;
  endedAt: number | null;
  players: number;
  /** Players waiting to be let in; not counted in `players`. */
  waiting: number;
  /** Answers received per question index. */
  answered: (index: number) => number;
  /** Team standings frozen at the last standings or the podium: team number and score. */
  teamTop: StoredTeamScore[] | null;
  /** Players who joined a team so far. */
  teamJoined: (team: number) => number;
  /** A "first answer" team has answered the question. */
  teamAnswered: (index: number, team: number) => boolean;
}

const StoredTeamScore = z.object({ t: z.number().int().min(1), s: z.number(), m: z.number().int().min(0) });
export type StoredTeamScore = z.infer<typeof StoredTeamScore>;

/** The counts behind a reveal; labels and the key come from the bank when shown. */
export const StoredReveal = z.object({ index: z.number().int().min(0), answered: z.number().int().min(0), counts: z.array(z.number().int().min(0)) });
export type StoredReveal = z.infer<typeof StoredReveal>;

const StoredStanding = z.object({ n: z.string(), s: z.number() });
type StoredStanding = z.infer<typeof StoredStanding>;

const Ranking = z.array(z.number());

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isSafeInteger(n) ? n : fallback;
};
const optionalInt = (value: string | undefined): number | null => {
  const n = int(value, -1);
  return n >= 0 ? n : null;
};

function json<S extends z.ZodType>(schema: S, value: string | undefined): z.infer<S> | null {
  if (value === undefined || value === "") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Teams as stored in the session hash; null without them (and for anything unreadable). */
function teamSettings(hash: Readonly<Record<string, string>>): TeamSettings | null {
  const count = TEAM_COUNTS.find((choice) => choice > 0 && choice === int(hash[F.teams], 0));
  if (count === undefined) return null;
  return { count, assignment: oneOf(TEAM_ASSIGNMENTS, hash[F.teamAssignment], "balanced"), rule: oneOf(TEAM_RULES, hash[F.teamRule], "first") };
}

function oneOf<T extends string>(options: readonly T[], value: string | undefined, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

/** null when the hash is missing (expired) or unreadable. */
export function parseSession(id: string, hash: Readonly<Record<string, string>>): SessionRecord | null {
  const questions = decodeRefs(hash[F.questions]);
  const code = hash[F.code];
  const hostHash = hash[F.hostHash];
  if (!questions || !code || !hostHash) return null;
  const timer = int(hash[F.timer], 0);
  const topic = Topic.safeParse(hash[F.topic]);
  return {
    id,
    created: int(hash[F.created], 0),
    expiresAt: int(hash[F.expiresAt], 0),
    code,
    hostHash,
    settings: {
      mode: oneOf(SESSION_MODES, hash[F.mode], "live"),
      scoring: oneOf(SCORING_CHOICES, hash[F.scoring], "accuracy"),
      timer: TIMER_CHOICES.find((choice) => choice === timer) ?? 0,
      total: questions.length,
      deadline: optionalInt(hash[F.deadline]),
      teams: teamSettings(hash),
    },
    topic: topic.success ? topic.data : undefined,
    questions,
    version: int(hash[F.version], 0),
    epoch: int(hash[F.epoch], 0),
    phase: oneOf(LIVE_PHASES, hash[F.phase], "lobby"),
    index: Math.min(int(hash[F.index], 0), Math.max(0, questions.length - 1)),
    openedAt: optionalInt(hash[F.openedAt]),
    preparedDistribution: optionalInt(hash[F.preparedDistribution]),
    closesAt: optionalInt(hash[F.closesAt]),
    reveal: json(StoredReveal, hash[F.reveal]),
    top: json(z.array(StoredStanding), hash[F.top]),
    ranking: json(Ranking, hash[F.ranking]),
    locked: hash[F.locked] === "1",
    approval: hash[F.approval] === "1",
    endedAt: optionalInt(hash[F.endedAt]),
    players: int(hash[F.players], 0),
    waiting: Math.max(0, int(hash[F.waiting], 0)),
    answered: (index) => int(hash[`${F.answeredPrefix}${index}`], 0),
    teamTop: json(z.array(StoredTeamScore), hash[F.teamTop]),
    teamJoined: (team) => int(hash[`${F.teamJoinedPrefix}${team}`], 0),
    teamAnswered: (index, team) => hash[`${F.teamAnsweredPrefix}${index}:${team}`] === "1",
  };
}

/**
 * The phase people see now. A live question whose timer has run out is
 * closed without anyone writing it (no server process wakes up for timers);
 * homework is "open" until its deadline or the teacher ends it.
 */
export function effectivePhase(session: SessionRecord, now: number): LivePhase {
  if (session.endedAt !== null) return "ended";
  if (session.settings.mode === "homework") {
    return session.settings.deadline !== null && now >= session.settings.deadline ? "ended" : "open";
  }
  if (session.phase === "open" && session.closesAt !== null && now >= session.closesAt) return "closed";
  return session.phase;
}

// ---------------------------------------------------------------- players

export interface PlayerRecord {
  id: string;
  nickname: string;
  joinedAt: number;
  /** Why the player is out: "removed" or "turned-away" by the teacher, or "full" when the join overshot a cap. */
  removed: string | undefined;
  /** Waiting for the teacher to let them in. */
  waiting: boolean;
  score: number;
  answered: number;
  answers: Map<number, NormalizedAnswer>;
  points: Map<number, number>;
  /** Milliseconds from the question opening to the answer (live). */
  times: Map<number, number>;
  accommodations: Accommodations;
  /** The player's team; null without teams. */
  team: number | null;
}

function indexed<T>(hash: Readonly<Record<string, string>>, prefix: string, decode: (value: string) => T | null): Map<number, T> {
  const map = new Map<number, T>();
  for (const [field, value] of Object.entries(hash)) {
    if (!field.startsWith(prefix)) continue;
    const index = int(field.slice(prefix.length), -1);
    const decoded = decode(value);
    if (index >= 0 && decoded !== null) map.set(index, decoded);
  }
  return map;
}

const number = (value: string) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** null when the player hash is missing (never joined, or expired). */
export function parsePlayer(id: string, hash: Readonly<Record<string, string>>): PlayerRecord | null {
  const nickname = hash[P.nickname];
  if (!nickname) return null;
  const points = indexed(hash, P.pointsPrefix, number);
  return {
    id,
    nickname,
    joinedAt: int(hash[P.joinedAt], 0),
    removed: hash[P.removed] || undefined,
    waiting: hash[P.waiting] === "1",
    // Both counted from the answers themselves, written with them in one transaction.
    score: [...points.values()].reduce((sum, n) => sum + n, 0),
    answered: Object.keys(hash).filter((field) => field.startsWith(P.answerPrefix)).length,
    answers: indexed(hash, P.answerPrefix, decodeAnswer),
    points,
    times: indexed(hash, P.timePrefix, number),
    accommodations: { extraTime: oneOf(EXTRA_TIME_CHOICES, hash[P.extraTime], "none"), fewerOptions: hash[P.fewerOptions] === "1" },
    team: optionalInt(hash[P.team]) || null,
  };
}

// ---------------------------------------------------------------- roster

export interface RosterRecord {
  id: string;
  nickname: string;
  joinedAt: number;
  removed: string | undefined;
  /** Waiting for the teacher to let them in (a removed entry may still carry it: removed wins). */
  waiting: boolean;
  /** The player's team; absent without teams. */
  team?: number | null;
}

const StoredRosterEntry = z.object({
  n: z.string().min(1),
  j: z.number(),
  x: z.string().optional(),
  w: z.literal(1).optional(),
  t: z.number().int().min(1).optional(),
});

export function encodeRosterEntry(entry: Omit<RosterRecord, "id">): string {
  return JSON.stringify({
    n: entry.nickname,
    j: entry.joinedAt,
    ...(entry.removed ? { x: entry.removed } : {}),
    ...(entry.waiting && !entry.removed ? { w: 1 } : {}),
    ...(entry.team ? { t: entry.team } : {}),
  });
}

/** Everyone who joined, removed players included, in join order. */
export function parseRoster(hash: Readonly<Record<string, string>>): RosterRecord[] {
  return Object.entries(hash)
    .flatMap(([id, value]): RosterRecord[] => {
      const entry = json(StoredRosterEntry, value);
      return entry ? [{ id, nickname: entry.n, joinedAt: entry.j, removed: entry.x, waiting: entry.w === 1 && !entry.x, team: entry.t ?? null }] : [];
    })
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

/** Players still waiting to be let in, in join order. */
export const waitingPlayers = (roster: readonly RosterRecord[]) => roster.filter((entry) => entry.waiting && !entry.removed);

/** Players in the session (neither waiting nor removed), in join order. */
export const seatedPlayers = (roster: readonly RosterRecord[]) => roster.filter((entry) => !entry.waiting && !entry.removed);

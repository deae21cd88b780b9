import { CLASSROOM_LIMITS } from "./limits";

/**
 * Every key a classroom session writes. All of a session's keys share one
 * deadline, `expiresAt` in the session hash: at most 30 days after creation,
 * and 7 days after the session ends (homework ends at its deadline, so its
 * keys get that date from the start; a live session's keys are shortened
 * when the teacher ends it). Every write that may create a key is paired
 * with an EXPIRE to the seconds left until then, so even a key recreated by
 * a late write dies on time. An answer, a class's most frequent write, skips
 * the EXPIRE on the keys that live as long as the session (its hash, the
 * player's hash, the scores, and the distribution of a live question, which
 * the teacher's opening of it created): they got their TTL when created,
 * HSET, HINCRBY and ZINCRBY keep it, and an answer to a session whose keys
 * have expired finds no session and writes nothing.
 *
 * | key                          | type   | holds                                            |
 * |------------------------------|--------|--------------------------------------------------|
 * | session:{id}                    | hash   | settings, questions, host hash, live state       |
 * | session:{id}:v                  | string | state version: the teacher's compare-and-set     |
 * | session:code:{CODE}             | string | session id for a join code                       |
 * | session:{id}:roster             | hash   | player id → nickname, join time, waiting/removed |
 * | session:{id}:nick:{hash}        | string | player id holding a nickname (unique per session)|
 * | session:{id}:p:{pid}            | hash   | one player: nickname, answers and their points   |
 * | session:{id}:p:{pid}:seq        | string | answers recorded: the player's compare-and-set   |
 * | session:{id}:scores             | zset   | player id → score (removed players: -1)          |
 * | session:{id}:dist:{index}       | hash   | answers to one question: a count per choice      |
 * | session:{id}:join:{keyhash}     | string | a join's idempotency record (join-retry.ts)      |
 * | session:{id}:teams              | zset   | team number → points counted for it (teams.ts)   |
 * | session:{id}:tq:{index}:{team}  | string | player id whose answer counts ("first" teams)    |
 *
 * The stored prefix is still `session:`, the feature's first name: renaming it would strand
 * the sessions in progress while a deploy rolls out.
 *
 * Rate-limit counters (lib/rate-limit.ts) live two windows.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const classroomKeys = {
  session: (sessionId: string) => `session:${sessionId}`,
  version: (sessionId: string) => `session:${sessionId}:v`,
  code: (code: string) => `session:code:${code}`,
  roster: (sessionId: string) => `session:${sessionId}:roster`,
  nickname: (sessionId: string, nicknameHash: string) => `session:${sessionId}:nick:${nicknameHash}`,
  player: (sessionId: string, playerId: string) => `session:${sessionId}:p:${playerId}`,
  playerSeq: (sessionId: string, playerId: string) => `session:${sessionId}:p:${playerId}:seq`,
  scores: (sessionId: string) => `session:${sessionId}:scores`,
  distribution: (sessionId: string, index: number) => `session:${sessionId}:dist:${index}`,
  joinRetry: (sessionId: string, keyHash: string) => `session:${sessionId}:join:${keyHash}`,
  teamScores: (sessionId: string) => `session:${sessionId}:teams`,
  teamAnswer: (sessionId: string, index: number, team: number) => `session:${sessionId}:tq:${index}:${team}`,
} as const;

/** Session hash fields. */
export const SESSION_FIELDS = {
  created: "created",
  expiresAt: "expiresAt",
  code: "code",
  hostHash: "host",
  mode: "mode",
  scoring: "scoring",
  timer: "timer",
  deadline: "deadline",
  topic: "topic",
  questions: "questions",
  // Live state, written by the teacher's actions:
  version: "v",
  /** Moves on a change for one student (removed, accommodated): LiveShared's `epoch`. */
  epoch: "pe",
  phase: "phase",
  index: "i",
  openedAt: "openedAt",
  /** The index of the open question whose distribution key its opening created, with its expiry: its answers need not set one. */
  preparedDistribution: "dk",
  closesAt: "closesAt",
  /** The current question as phones may see it (no key). */
  question: "q",
  /** RevealInfo of the current question, once revealed. */
  reveal: "rv",
  /** Top five, from the last standings or the podium. */
  top: "top",
  /** Every active player's score, highest first, for ranks. */
  ranking: "ranking",
  locked: "locked",
  /** "1" while the teacher asks to let each new player in (lib/classroom/waiting-room.ts). */
  approval: "ask",
  endedAt: "endedAt",
  /** Active players (joins minus removals). */
  players: "players",
  /** Players waiting for the teacher to let them in: not in `players`, capped on their own. */
  waiting: "waiting",
  /** `n:{index}`: answers received to a question. */
  answeredPrefix: "n:",
  /** Teams (lib/classroom/teams.ts): how many ("" or 0 without), how students get one, whose answer scores. */
  teams: "teams",
  teamAssignment: "teamBy",
  teamRule: "teamRule",
  /** `tj:{team}`: players who joined the team, for balancing. */
  teamJoinedPrefix: "tj:",
  /** `ta:{index}:{team}`: "1" once a "first answer" team has answered the question. */
  teamAnsweredPrefix: "ta:",
  /** Team standings, from the last standings or the podium. */
  teamTop: "teamTop",
} as const;

/** Player hash fields. */
export const PLAYER_FIELDS = {
  nickname: "n",
  joinedAt: "j",
  /** Set when the teacher removed the player, or the join overshot the cap. */
  removed: "x",
  /** "1" while the player waits for the teacher to let them in. */
  waiting: "w",
  /** The player's team number; absent without teams. */
  team: "t",
  /** `a:{index}`: the answer (encoded); `pt:{index}`: its points; `ms:{index}`: time taken. */
  answerPrefix: "a:",
  pointsPrefix: "pt:",
  timePrefix: "ms:",
  /** The teacher's accommodations (lib/classroom/accommodations.ts): extra time ("1.5", "2", "untimed"); "1" for fewer options. */
  extraTime: "xt",
  fewerOptions: "fo",
} as const;

/** When a new session's keys expire: homework a week after its deadline, live at the 30-day cap; never later. */
export function initialExpiry(created: number, deadline: number | null): number {
  const cap = created + CLASSROOM_LIMITS.maxLifetimeDays * DAY_MS;
  return deadline === null ? cap : Math.min(cap, deadline + CLASSROOM_LIMITS.afterEndDays * DAY_MS);
}

/** When an ended session's keys expire: 7 days after the end, but never later than before. */
export function expiryAfterEnd(endedAt: number, expiresAt: number): number {
  return Math.min(expiresAt, endedAt + CLASSROOM_LIMITS.afterEndDays * DAY_MS);
}

/** Seconds left until `expiresAt`, for EXPIRE; at least 1 so a write at the last moment still expires. */
export function ttlSeconds(expiresAt: number, now: number): number {
  return Math.max(1, Math.ceil((expiresAt - now) / 1000));
}

import { ROOM_LIMITS } from "./schemas";

/**
 * Every key a classroom session writes. All of a session's keys share one
 * deadline, `expiresAt` in the session hash: at most 30 days after creation,
 * and 7 days after the session ends (homework ends at its deadline, so its
 * keys get that date from the start; a live session's keys are shortened
 * when the teacher ends it). Every write is paired with an EXPIRE to the
 * seconds left until then, so even a key recreated by a late write dies on
 * time.
 *
 * | key                          | type   | holds                                            |
 * |------------------------------|--------|--------------------------------------------------|
 * | room:{id}                    | hash   | settings, questions, host hash, live state       |
 * | room:{id}:v                  | string | state version: the teacher's compare-and-set     |
 * | room:code:{CODE}             | string | session id for a join code                       |
 * | room:{id}:roster             | hash   | player id → nickname, join time, removed         |
 * | room:{id}:nick:{hash}        | string | player id holding a nickname (unique per session)|
 * | room:{id}:p:{pid}            | hash   | one player: nickname, answers, points, score     |
 * | room:{id}:p:{pid}:seq        | string | answers recorded: the player's compare-and-set   |
 * | room:{id}:scores             | zset   | player id → score (removed players: -1)          |
 * | room:{id}:dist:{index}       | hash   | answers to one question: total, correct, choices |
 * | room:{id}:join:{keyhash}     | string | a join's idempotency record (join-retry.ts)      |
 *
 * Rate-limit counters (lib/rate-limit.ts) live two windows.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const roomKeys = {
  room: (roomId: string) => `room:${roomId}`,
  version: (roomId: string) => `room:${roomId}:v`,
  code: (code: string) => `room:code:${code}`,
  roster: (roomId: string) => `room:${roomId}:roster`,
  nickname: (roomId: string, nicknameHash: string) => `room:${roomId}:nick:${nicknameHash}`,
  player: (roomId: string, playerId: string) => `room:${roomId}:p:${playerId}`,
  playerSeq: (roomId: string, playerId: string) => `room:${roomId}:p:${playerId}:seq`,
  scores: (roomId: string) => `room:${roomId}:scores`,
  distribution: (roomId: string, index: number) => `room:${roomId}:dist:${index}`,
  joinRetry: (roomId: string, keyHash: string) => `room:${roomId}:join:${keyHash}`,
} as const;

/** Session hash fields. */
export const ROOM_FIELDS = {
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
  phase: "phase",
  index: "i",
  openedAt: "openedAt",
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
  endedAt: "endedAt",
  /** Active players (joins minus removals). */
  players: "players",
  /** `n:{index}`: answers received to a question. */
  answeredPrefix: "n:",
} as const;

/** Player hash fields. */
export const PLAYER_FIELDS = {
  nickname: "n",
  joinedAt: "j",
  /** Set when the teacher removed the player, or the join overshot the cap. */
  removed: "x",
  score: "score",
  answered: "answered",
  /** `a:{index}`: the answer (encoded); `pt:{index}`: its points; `ms:{index}`: time taken. */
  answerPrefix: "a:",
  pointsPrefix: "pt:",
  timePrefix: "ms:",
} as const;

/** When a new session's keys expire: homework a week after its deadline, live at the 30-day cap; never later. */
export function initialExpiry(created: number, deadline: number | null): number {
  const cap = created + ROOM_LIMITS.maxLifetimeDays * DAY_MS;
  return deadline === null ? cap : Math.min(cap, deadline + ROOM_LIMITS.afterEndDays * DAY_MS);
}

/** When an ended session's keys expire: 7 days after the end, but never later than before. */
export function expiryAfterEnd(endedAt: number, expiresAt: number): number {
  return Math.min(expiresAt, endedAt + ROOM_LIMITS.afterEndDays * DAY_MS);
}

/** Seconds left until `expiresAt`, for EXPIRE; at least 1 so a write at the last moment still expires. */
export function ttlSeconds(expiresAt: number, now: number): number {
  return Math.max(1, Math.ceil((expiresAt - now) / 1000));
}

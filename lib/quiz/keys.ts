/**
 * Every key the quiz writes, and its TTL. Every key has one: the store is a
 * cache of recent play, not an archive, and nothing may grow forever.
 *
 * | key                                   | type   | TTL                         |
 * |---------------------------------------|--------|-----------------------------|
 * | quiz:att:{id}                         | hash   | 30 days from the last write |
 * | quiz:att:{id}:q:{qid}:v{version}      | string | 30 days from start          |
 * | quiz:att:{id}:finished                | string | 30 days from first results  |
 * | quiz:att:{id}:named                   | string | 30 days from naming         |
 * | quiz:scores:len{N}                    | hash   | 400 days, refreshed per finish |
 * | quiz:lb:day:{YYYY-MM-DD}[:names]      | zset / hash | 2 days, refreshed per entry |
 * | quiz:lb:month:{YYYY-MM}[:names]       | zset / hash | 32 days, refreshed per entry |
 * | quiz:lb:{board}:{period}:nets         | hash   | as its board: entries per network bucket (fair-play.ts) |
 *
 * A board takes entries only during its own day or month, so a nickname on
 * it is gone at most 32 days after that month ends: no board lives on while
 * the site keeps being played.
 *
 * A finished attempt's public share link (share:res:{shareId}) is described
 * in ./result-links.ts; the per-question counts every answer adds to
 * (quiz:qstats:…) in lib/questions/stats.ts.
 */

const DAY = 24 * 60 * 60;

export const QUIZ_TTL = {
  attempt: 30 * DAY,
  scoreBuckets: 400 * DAY,
  leaderboardDay: 2 * DAY,
  leaderboardMonth: 32 * DAY,
} as const;

export const quizKeys = {
  attempt: (attemptId: string) => `quiz:att:${attemptId}`,
  /**
   * The answer slot: "pending" until answered, then the answer. The
   * version is in the key so that the compare-and-set on it proves, in the
   * same round trip, that this question (at this version) belongs to the
   * attempt: no read of the attempt first.
   */
  slot: (attemptId: string, questionId: string, version: number) => `quiz:att:${attemptId}:q:${questionId}:v${version}`,
  finished: (attemptId: string) => `quiz:att:${attemptId}:finished`,
  named: (attemptId: string) => `quiz:att:${attemptId}:named`,
  scoreBuckets: (length: number) => `quiz:scores:len${length}`,
  /** The board of the UTC day or month that `now` falls in. */
  leaderboard: (board: LeaderboardBoard, now: number) => `quiz:lb:${board}:${boardPeriod(board, now)}`,
  leaderboardNames: (board: LeaderboardBoard, now: number) => `quiz:lb:${board}:${boardPeriod(board, now)}:names`,
  leaderboardNetworks: (board: LeaderboardBoard, now: number) => `quiz:lb:${board}:${boardPeriod(board, now)}:nets`,
} as const;

export type LeaderboardBoard = "day" | "month";

/** Attempt hash fields. */
export const ATTEMPT_FIELDS = {
  questions: "questions",
  created: "created",
  length: "length",
  requested: "requested",
  topic: "topic",
  challengeOf: "challengeOf",
  answered: "answered",
  score: "score",
  finishedAt: "finishedAt",
  nickname: "nickname",
  /** Why a named result stayed off the leaderboards (lib/quiz/fair-play.ts), when it did. */
  offBoard: "offBoard",
  /** The public share link id (lib/quiz/result-links.ts), set when the attempt is finished. */
  shareId: "shareId",
  /** `a:{questionId}`: the answer, mirrored from the slot in the same transaction. */
  answerPrefix: "a:",
} as const;

/** UTC calendar day, the leaderboard's "today". */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-11-23" for the day board, "2026-11" for the month's. */
export function boardPeriod(board: LeaderboardBoard, ms: number): string {
  return board === "day" ? utcDay(ms) : utcDay(ms).slice(0, 7);
}

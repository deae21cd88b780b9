/**
 * Every failure a person can cause, and the HTTP status a route answers it
 * with: one table for every feature, so the same code always means the same
 * status. `route()` in lib/http maps any PublicError the same way.
 */
const STATUS = {
  /** Unknown or expired: an attempt, a question, a session, a code. */
  not_found: 404,
  /** The state moved on: already answered differently, a stale second device, a closed question. */
  conflict: 409,
  /** Not a possible answer to the question: not one of its options, not a permutation of its items. */
  invalid_answer: 422,
  /** The nickname filter refused the name. */
  invalid_nickname: 422,
  /** Not one of the session's teams. */
  invalid_team: 422,
  /** A result already has its nickname on the leaderboard. */
  already_named: 409,
  /** Results asked for before every question is answered. */
  not_finished: 409,
  /** This browser is not a player of the session. */
  not_joined: 403,
  /** The teacher removed this player. */
  removed: 403,
  /** Not the teacher's session (no or wrong host cookie). */
  not_host: 403,
  /** The session is locked to new joins. */
  locked: 403,
  /** The session has as many players as it takes. */
  full: 409,
  /** This player waits for the teacher to let them in. */
  waiting: 403,
  /** The session's waiting room has as many players waiting as it takes. */
  waiting_full: 409,
  /** The teacher ended the session, or the homework deadline passed. */
  ended: 410,
  /** Someone else in the session has that nickname. */
  nickname_taken: 409,
  /** Answers to this question are closed. */
  closed: 409,
} as const satisfies Record<string, number>;

export type PublicErrorCode = keyof typeof STATUS;

/** Each feature narrows `Code` to the failures it can raise (lib/quiz/errors.ts, lib/classroom/errors.ts…). */
export abstract class PublicError<Code extends PublicErrorCode = PublicErrorCode> extends Error {
  readonly code: Code;
  readonly status: number;

  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.name = new.target.name;
  }
}

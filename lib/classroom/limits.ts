import { limitRule, type RateLimitRule } from "@/lib/rate-limit";
import { SESSION_QUESTION_LIMITS } from "./question-edits";
import { WAITING_ROOM } from "./settings";

/**
 * The classroom's rate limits. Sized so a real class never meets them and
 * a script does:
 *
 * - Wrong codes cost the client that typed them, and only wrong ones: a
 *   class of 40 behind one school address that each mistype the code once
 *   stays under 60, while a guesser gets 60 tries per 10 minutes (see
 *   lib/classroom/code.ts for why that is hopeless).
 * - Joins per session stop one session being flooded (the seat cap,
 *   CLASSROOM_MAX_PLAYERS, stops it filling; this stops the churn of
 *   nickname clashes): twice the seats in ten minutes. Only joins
 *   that try to take a seat count (lib/classroom/join.ts addPlayer): joins
 *   refused while the session is locked or full, and phones coming back, do
 *   not, so a script knocking on a locked session cannot use up the
 *   allowance a real student needs once the teacher unlocks it.
 * - Straight-in seats per network: one address may seat 30 players in one
 *   session per hour without the teacher's say; past that, its joins wait
 *   for the teacher (lib/classroom/waiting-room.ts) instead of being
 *   refused. A class of 40 behind one school address therefore always gets
 *   in: 30 at once, the other 10 with one "Let all in". The number only
 *   decides how many names a script can put in the lobby unasked, so it is
 *   lower than the 60 that refusing needed: most classes (up to 30) never
 *   wait, and a script's 30 go in one "Remove the players who joined in
 *   the last minute". Its other joins never take a seat.
 * - Waiting players have their own cap, outside the seats, so the waiting
 *   room can neither fill the session nor grow without bound; one "Turn all
 *   away" empties it. It is as large as the session (at least 100, two
 *   large classes): a school assembly behind one address, past its
 *   straight-in seats, all waits and gets in with one "Let all in".
 * - Joins per client leave room for several classes behind one address, or
 *   an assembly filling the session from one, each phone joining twice.
 * - Creating sessions is limited per client so a script cannot fill the store.
 * - Answers per player: at most 20 questions, one answer each; 120 in ten
 *   minutes covers every double tap and retry. Per client, 40 pupils × 20
 *   questions = 800; 3,000 leaves room for three classes at full speed, and
 *   a full session behind one address may answer every question: seats × 20.
 *   Both are counted inside the answer's own write (nothing stored on
 *   refusal). A repeated answer that is already recorded costs nothing.
 * - Host actions, per session and credential: a teacher takes about five
 *   per question (start, close, reveal, standings, next), ~100 a session;
 *   300 in ten minutes is never met by hand. Keyed by the credential
 *   presented, so a stranger's refused attempts never use up the teacher's.
 */

export const CLASSROOM_LIMITS = {
  /** Players waiting to be let in, on top of the players: at least this many (see `waitingPlaces`). */
  waiting: 100,
  /** A session and everything in it is deleted at most this long after it was created… */
  maxLifetimeDays: 30,
  /** …and this long after it ends. */
  afterEndDays: 7,
} as const;

export const CLASSROOM_RATE_LIMITS = {
  wrongCodes: limitRule("session-code-miss", 60, 600, (wait) => `Too many wrong codes have been tried from this network. Wait ${wait}, then type the code on the screen.`),
  // Never shown: a join over this limit waits for the teacher instead (lib/classroom/join.ts).
  seatsPerNetwork: limitRule("session-seat-client", WAITING_ROOM.straightInSeats, 3600, (wait) => `Too many players from this network. Please try again in ${wait}.`),
  createsPerClient: limitRule("session-create", 30, 3600, (wait) => `Too many sessions have been created from this network. Please try again in ${wait}.`),
  answersPerPlayer: limitRule("session-answer", 120, 600, (wait) => `Too many answers have been sent from this device. Please wait ${wait}, then reload the page.`),
  hostActions: limitRule("session-host", 300, 600, (wait) => `Too many changes to this session in a short time. Please wait ${wait}, then reload the page.`),
} as const satisfies Record<string, RateLimitRule>;

/** Joins that try to take a seat in one session: twice its seats in ten minutes. */
export const joinsPerSession = (seats: number): RateLimitRule =>
  limitRule("session-join", 2 * seats, 600, (wait) => `This session is busy with people joining. Please try again in ${wait}.`);

/** Players who may wait to be let in, outside the session's `seats`. */
export const waitingPlaces = (seats: number): number => Math.max(CLASSROOM_LIMITS.waiting, seats);

/** Joins from one network, across sessions: several classes, or a session's seats each joining twice. */
export const joinsPerNetwork = (seats: number): RateLimitRule =>
  limitRule("session-join-client", Math.max(300, 2 * seats), 600, (wait) => `Too many joins from this network. Please try again in ${wait}.`);

/** Answers from one network, across sessions: three classes at full speed, or every seat answering every question. */
export const answersPerNetwork = (seats: number): RateLimitRule =>
  limitRule("session-answer-client", Math.max(3_000, seats * SESSION_QUESTION_LIMITS.max), 600, (wait) => `Too many answers have been sent from this network. Please try again in ${wait}.`);

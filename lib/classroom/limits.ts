import { limitRule, type RateLimitRule } from "@/lib/rate-limit";

/**
 * The classroom's rate limits. Sized so a real class never meets them and
 * a script does:
 *
 * - Wrong codes cost the client that typed them, and only wrong ones: a
 *   class of 40 behind one school address that each mistype the code once
 *   stays under 60, while a guesser gets 60 tries per 10 minutes (see
 *   lib/classroom/code.ts for why that is hopeless).
 * - Joins per session stop one session being flooded (the 200-player cap
 *   stops it filling; this stops the churn of nickname clashes). Only joins
 *   that try to take a seat count (lib/classroom/join.ts addPlayer): joins
 *   refused while the session is locked or full, and phones coming back, do
 *   not, so a script knocking on a locked session cannot use up the
 *   allowance a real student needs once the teacher unlocks it.
 * - Seats per network: one address may add 60 players to one session per
 *   hour, half as many again as a class of 40 behind one school address
 *   (with room for students who switch browsers). A script from one address
 *   can take 60 of the 200 seats at most, so students elsewhere always find
 *   a seat.
 * - Joins per client leave room for several classes behind one address.
 * - Creating sessions is limited per client so a script cannot fill the store.
 * - Answers per player: at most 20 questions, one answer each; 120 in ten
 *   minutes covers every double tap and retry. Per client, 40 pupils × 20
 *   questions = 800; 3,000 leaves room for three classes at full speed.
 *   Both are counted inside the answer's own write (nothing stored on
 *   refusal). A repeated answer that is already recorded costs nothing.
 * - Host actions, per session and credential: a teacher takes about five
 *   per question (start, close, reveal, standings, next), ~100 a session;
 *   300 in ten minutes is never met by hand. Keyed by the credential
 *   presented, so a stranger's refused attempts never use up the teacher's.
 */

export const CLASSROOM_LIMITS = {
  /** Players in one session. */
  players: 200,
  /** A session and everything in it is deleted at most this long after it was created… */
  maxLifetimeDays: 30,
  /** …and this long after it ends. */
  afterEndDays: 7,
} as const;

export const CLASSROOM_RATE_LIMITS = {
  wrongCodes: limitRule("session-code-miss", 60, 600, (wait) => `Too many wrong codes have been tried from this network. Wait ${wait}, then type the code on the screen.`),
  joinsPerSession: limitRule("session-join", 400, 600, (wait) => `This session is busy with people joining. Please try again in ${wait}.`),
  seatsPerNetwork: limitRule(
    "session-seat-client",
    60,
    3600,
    (wait) => `So many players have joined this session from this network that no more can join from it for now. Ask your teacher, or try again in ${wait}.`,
  ),
  joinsPerClient: limitRule("session-join-client", 300, 600, (wait) => `Too many joins from this network. Please try again in ${wait}.`),
  createsPerClient: limitRule("session-create", 30, 3600, (wait) => `Too many sessions have been created from this network. Please try again in ${wait}.`),
  answersPerPlayer: limitRule("session-answer", 120, 600, (wait) => `Too many answers have been sent from this device. Please wait ${wait}, then reload the page.`),
  answersPerClient: limitRule("session-answer-client", 3_000, 600, (wait) => `Too many answers have been sent from this network. Please try again in ${wait}.`),
  hostActions: limitRule("session-host", 300, 600, (wait) => `Too many changes to this session in a short time. Please wait ${wait}, then reload the page.`),
} as const satisfies Record<string, RateLimitRule>;

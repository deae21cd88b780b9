import * as z from "zod/mini";
import { nicknameTextSchema } from "@/lib/nickname-text";
import type { NextStep } from "@/lib/quiz/next-step";
import { startQuizSchema } from "@/lib/quiz/requests";
import type { AnswerFeedback, PublicQuestion } from "@/lib/quiz/schemas";
import { JOIN_CODE_LENGTH, JOIN_CODE_PATTERN, normalizeJoinCode } from "./code";
import { DUE_IN_HOURS, ROOM_MODES, SCORING_CHOICES, TIMER_CHOICES, type RoomMode, type Scoring, type TimerChoice } from "./settings";
import { IDEMPOTENCY_FIELD } from "@/lib/http/idempotency";
import { idempotencyKeySchema } from "@/lib/http/idempotency-key";

/**
 * Shapes of classroom sessions shared by forms (browser), route handlers and
 * tests. Nothing here is server-only, and nothing here holds an answer key:
 * the views below are what a student's or teacher's browser receives.
 */

export const ROOM_LIMITS = {
  /** Players in one session. */
  players: 200,
  /** A session and everything in it is deleted at most this long after it was created… */
  maxLifetimeDays: 30,
  /** …and this long after it ends. */
  afterEndDays: 7,
} as const;

const blankToUndefined = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A plain form posts "" (or spaces) for a field left empty: read it as absent. */
const blankAsAbsent = <S extends z.core.$ZodType>(schema: S) => z.pipe(z.transform(blankToUndefined), schema);
/** A number from JSON or from a form's string, one of `choices`, or `fallback` when left out. */
const numberChoice = <const T extends readonly number[]>(choices: T, fallback: T[number], error: string) =>
  blankAsAbsent(z._default(z.pipe(z.coerce.number(), z.literal(choices, { error })), fallback));
/** A whole number from JSON or a query string's text. */
const wholeNumber = (min: number) => z.pipe(z.coerce.number(), z.int().check(z.gte(min)));

/**
 * Creating a session: the quiz's own options (length, topic) plus the
 * classroom's. A plain HTML form posts strings, so numbers are coerced.
 * Timer and speed bonus belong to live sessions (the teacher paces them);
 * homework is scored on accuracy, and its deadline replaces the timer.
 */
export const createRoomSchema = z.extend(startQuizSchema, {
  mode: z.enum(ROOM_MODES, { error: "Choose live or homework." }),
  timer: numberChoice(TIMER_CHOICES, 0, "Choose a timer, or no timer."),
  scoring: blankAsAbsent(z._default(z.enum(SCORING_CHOICES, { error: "Choose how to score." }), "accuracy")),
  dueInHours: numberChoice(DUE_IN_HOURS, 24, "Choose when the homework is due."),
});
export type CreateRoomInput = z.infer<typeof createRoomSchema>;
export type CreateRoomFormValues = z.input<typeof createRoomSchema>;

/**
 * Joining: a nickname, or nothing for a generated one, and the form's
 * idempotency key (lib/http/idempotency.ts) for posts without JavaScript.
 * The route passes the server's nickname schema (with the profanity
 * filter, `joinRoomSchema` in ./join), the form the browser's
 * (`joinRoomTextSchema`).
 */
export const joinRoomShape = <S extends z.core.$ZodType<string, string>>(nickname: S) =>
  z.strictObject({ nickname: blankAsAbsent(z.optional(nickname)), [IDEMPOTENCY_FIELD]: z.optional(idempotencyKeySchema) });
export const joinRoomTextSchema = joinRoomShape(nicknameTextSchema);
export type JoinRoomFormValues = z.input<typeof joinRoomTextSchema>;

/** A join code as typed: case, spaces and dashes do not matter. */
export const joinCodeSchema = z.pipe(
  z.pipe(z.string({ error: "Type the code shown on the screen." }), z.transform(normalizeJoinCode)),
  z
    .string()
    .check(
      z.minLength(1, "Type the code shown on the screen."),
      z.length(JOIN_CODE_LENGTH, `Codes have ${JOIN_CODE_LENGTH} characters. Check the code on the screen.`),
      z.regex(JOIN_CODE_PATTERN, "That is not a code we give out: check the letters and numbers on the screen."),
    ),
);

/** Session ids (in URLs) and player ids: 128 random bits, base64url. */
export const roomIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, "not a session id"));

const HOST_ACTIONS = ["start", "close", "reveal", "standings", "next", "end", "lock", "unlock", "remove"] as const;
export type HostAction = (typeof HOST_ACTIONS)[number];

/**
 * A teacher's action. `version` is the state the teacher saw, so a second
 * device (or a double click) cannot skip a question: a stale one gets 409.
 * Lock, unlock and remove are safe to repeat and ignore it. "next" after
 * the last question shows the podium (the session ends).
 */
export const hostActionSchema = z.strictObject({
  action: z.enum(HOST_ACTIONS, { error: "Unknown action." }),
  version: wholeNumber(0),
  playerId: z.optional(roomIdSchema),
  /** Where a plain form post returns to. */
  from: z._default(z.enum(["projector", "dashboard"]), "projector"),
});
export type HostActionInput = z.infer<typeof hostActionSchema>;

/** A student's poll: the state version the phone already shows (and nothing else). */
export const pollQuerySchema = z.strictObject({ v: z._default(wholeNumber(-1), -1) });

// ---------------------------------------------------------------- views

/**
 * A live session's phase. "open" with its timer run out reads as "closed";
 * "ended" shows the podium.
 */
export const LIVE_PHASES = ["lobby", "open", "closed", "reveal", "standings", "ended"] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export interface DistributionBar {
  label: string;
  count: number;
  correct: boolean;
}

/** Frozen when the teacher reveals a question: the key, why, and how the class answered. */
export interface RevealInfo {
  correctAnswer: string | string[];
  explanation: string;
  /** Choices in the order the phones showed them; ordering questions: right vs wrong. */
  distribution: DistributionBar[];
  answered: number;
}

export interface StandingEntry {
  rank: number;
  nickname: string;
  score: number;
}

export interface RoomSettings {
  mode: RoomMode;
  scoring: Scoring;
  timer: TimerChoice;
  total: number;
  /** Homework: answers close at this time (ms). */
  deadline: number | null;
}

/** What a student's phone receives: never the answer key before the reveal, never another student's answers. */
export interface StudentView {
  roomId: string;
  version: number;
  /** Server clock (ms), so the phone can correct its own for the countdown. */
  now: number;
  settings: RoomSettings;
  nickname: string;
  phase: LivePhase;
  question: PublicQuestion | null;
  closesAt: number | null;
  /** This student's answer to the current question, as they read it. */
  yourAnswer: string | string[] | null;
  /** After the reveal: the key and how the class did; `youWereRight` is null when the student did not answer. */
  reveal: (RevealInfo & { youWereRight: boolean | null; points: number }) | null;
  top: StandingEntry[] | null;
  score: number;
  /** Shared rank among the class (1 = first), from the last standings or the podium. */
  rank: number | null;
  players: number;
}

export interface RosterEntry {
  /** Public id (a hash of the player's cookie token), safe to show the teacher. */
  id: string;
  nickname: string;
  joinedAt: number;
}

/** What the projector and the teacher's controls receive (host cookie only). */
export interface HostView {
  roomId: string;
  code: string;
  version: number;
  now: number;
  settings: RoomSettings;
  phase: LivePhase;
  index: number;
  question: PublicQuestion | null;
  closesAt: number | null;
  answered: number;
  players: RosterEntry[];
  locked: boolean;
  reveal: RevealInfo | null;
  top: StandingEntry[] | null;
}

/** The poll's answer when nothing changed: a few bytes. */
export interface UnchangedPoll {
  changed: false;
  version: number;
  now: number;
  /** Joins do not move the version; the lobby still shows the count grow. */
  players: number;
}

export interface HomeworkView {
  roomId: string;
  nickname: string;
  settings: RoomSettings;
  ended: boolean;
  /** The first question not yet answered; null when all are, or the session is over. */
  question: PublicQuestion | null;
  /** Feedback on an answered question the page was asked to show (a plain form post lands here). */
  shown: { question: PublicQuestion; feedback: AnswerFeedback } | null;
  answered: number;
  /** Homework is scored on accuracy: the number of right answers. */
  score: number;
  /** Once finished or over: shared rank among the class so far. */
  rank: { rank: number; of: number } | null;
}

export type PlayView = { mode: "live"; view: StudentView } | { mode: "homework"; view: HomeworkView };

/**
 * What the answer route returns. Live: the student's refreshed view (answer
 * received, no key until the reveal). Homework: the quiz's own shape, so
 * the quiz's question form works unchanged: feedback, then the next step.
 */
export type AnswerResponse =
  | { mode: "live"; view: StudentView }
  | { mode: "homework"; feedback: AnswerFeedback; next: NextStep };

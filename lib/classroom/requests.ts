import * as z from "zod/mini";
import { blankAsAbsent } from "@/lib/forms/fields";
import { IDEMPOTENCY_FIELD } from "@/lib/http/idempotency/fields";
import { idempotencyKeySchema } from "@/lib/http/idempotency/key";
import { Slug, Topic } from "@/lib/content/ids";
import { nicknameTextSchema } from "@/lib/nickname-schema";
import { QUESTION_KINDS } from "@/lib/questions/kinds";
import { drawSchema } from "@/lib/questions/requests";
import { JOIN_CODE_LENGTH, JOIN_CODE_PATTERN, normalizeJoinCode } from "./code";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { DUE_IN_HOURS, EXTRA_TIME_CHOICES, SESSION_MODES, SCORING_CHOICES, TEAM_ASSIGNMENTS, TEAM_COUNTS, TEAM_RULES, TIMER_CHOICES } from "./settings";

/**
 * Classroom request bodies, queries and ids, shared by forms (browser), route
 * handlers and tests. Client-safe, on zod/mini; what the browsers receive is
 * in ./views.ts.
 */

/** A number from JSON or from a form's string, one of `choices`, or `fallback` when left out. */
const numberChoice = <const T extends readonly number[]>(choices: T, fallback: T[number], error: string) =>
  blankAsAbsent(z._default(z.pipe(z.coerce.number(), z.literal(choices, { error })), fallback));
/** A whole number from JSON or a query string's text. */
const wholeNumber = (min: number) => z.pipe(z.coerce.number(), z.int().check(z.gte(min)));

/**
 * Creating a session: the questions to draw (length, topic) plus the
 * classroom's options. A plain HTML form posts strings, so numbers are coerced.
 * Timer and speed bonus belong to live sessions (the teacher paces them);
 * homework is scored on accuracy, and its deadline replaces the timer.
 */
export const createSessionSchema = z.extend(drawSchema, {
  mode: z.enum(SESSION_MODES, { error: "Choose live or homework." }),
  timer: numberChoice(TIMER_CHOICES, 0, "Choose a timer, or no timer."),
  scoring: blankAsAbsent(z._default(z.enum(SCORING_CHOICES, { error: "Choose how to score." }), "accuracy")),
  dueInHours: numberChoice(DUE_IN_HOURS, 24, "Choose when the homework is due."),
  /** Live only (lib/classroom/teams.ts); left out, the class plays without teams. Optional so callers without teams need not name them. */
  teams: blankAsAbsent(z.optional(z.pipe(z.coerce.number(), z.literal(TEAM_COUNTS, { error: "Choose 2 to 8 teams, or no teams." })))),
  teamAssignment: blankAsAbsent(z.optional(z.enum(TEAM_ASSIGNMENTS, { error: "Choose how students get a team." }))),
  teamRule: blankAsAbsent(z.optional(z.enum(TEAM_RULES, { error: "Choose whose answer scores for a team." }))),
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;
export type CreateSessionFormValues = z.input<typeof createSessionSchema>;

/**
 * Joining: a nickname, or nothing for a generated one, and the form's
 * idempotency key (lib/http/idempotency/fields.ts) for posts without JavaScript.
 * The form and the route check the same; the word filter is the service's
 * (lib/classroom/join.ts: 422 invalid_nickname), so the list stays off the page.
 */
export const joinSessionTextSchema = z.strictObject({
  nickname: blankAsAbsent(z.optional(nicknameTextSchema)),
  /** When students choose their team; the service checks it is one of the session's (lib/classroom/join.ts). */
  team: blankAsAbsent(z.optional(z.pipe(z.coerce.number(), z.int({ error: "Choose your team." }).check(z.gte(1, "Choose your team."), z.lte(8, "Choose your team."))))),
  [IDEMPOTENCY_FIELD]: z.optional(idempotencyKeySchema),
});
export type JoinSessionFormValues = z.input<typeof joinSessionTextSchema>;

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
export const sessionIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, "not a session id"));

/** The teacher's actions on who is in the session (lib/classroom/waiting-room.ts); they leave the class's screens where they are. */
export const ROSTER_ACTIONS = ["lock", "unlock", "remove", "ask", "stop-asking", "admit", "turn-away", "admit-all", "turn-away-all", "remove-recent", "accommodate"] as const;
export type RosterAction = (typeof ROSTER_ACTIONS)[number];

const HOST_ACTIONS = ["start", "close", "reveal", "standings", "next", "end", ...ROSTER_ACTIONS] as const;
export type HostAction = (typeof HOST_ACTIONS)[number];

/**
 * A teacher's action. `version` is the state the teacher saw, so a second
 * device (or a double click) cannot skip a question: a stale one gets 409.
 * The roster actions are safe to repeat and ignore it. "next" after
 * the last question shows the podium (the session ends). `seenAt` is the
 * server time of the screen the teacher acted on, so "Let all 12 in" or
 * "Remove the 30 who joined in the last minute" takes the players the
 * teacher saw, never ones who arrived since.
 */
export const hostActionSchema = z.strictObject({
  action: z.enum(HOST_ACTIONS, { error: "Unknown action." }),
  version: wholeNumber(0),
  playerId: z.optional(sessionIdSchema),
  seenAt: z.optional(wholeNumber(0)),
  /** "accommodate": the student's extra time and fewer options (lib/classroom/accommodations.ts); left out means none. */
  extraTime: z.optional(z.enum(EXTRA_TIME_CHOICES, { error: "Choose class time, extra time or untimed." })),
  /** JSON's true or false, or a plain form's checkbox: "on" when ticked, absent when not. */
  fewerOptions: z.optional(z.union([z.boolean(), z.stringbool()], { error: "Fewer options is on or off." })),
  /** Where a plain form post returns to. */
  from: z._default(z.enum(["projector", "dashboard"]), "projector"),
});
export type HostActionInput = z.infer<typeof hostActionSchema>;

/** The bank's questions a teacher may pick from, narrowed by topic and difficulty (a query, or the form posting back). */
export const questionFilterSchema = z.object({
  topic: blankAsAbsent(z.optional(Topic)),
  difficulty: blankAsAbsent(z.optional(z.enum(["easy", "medium", "hard"]))),
  kind: blankAsAbsent(z.optional(z.enum(QUESTION_KINDS))),
});
export type QuestionFilter = z.infer<typeof questionFilterSchema>;

/** Changes to a session's questions that name one of them by its place in the list. */
export const QUESTION_PLACE_EDITS = ["up", "down", "swap", "remove"] as const;

/**
 * A teacher's change to the session's questions (lib/classroom/choose.ts):
 * move one up or down, swap it for another on its topic, remove it, or add
 * one from the bank. `version` is the state the teacher saw, as for the
 * host actions: a second tab cannot overwrite a change it has not seen.
 * The filter travels along so a plain form post lands back on the same list.
 */
const questionEditCommon = { version: wholeNumber(0), ...questionFilterSchema.shape };
export const questionEditSchema = z.discriminatedUnion("edit", [
  z.strictObject({ edit: z.enum(QUESTION_PLACE_EDITS, { error: "Unknown change." }), index: wholeNumber(0), ...questionEditCommon }),
  z.strictObject({ edit: z.literal("add", { error: "Unknown change." }), questionId: Slug, ...questionEditCommon }),
], { error: "Unknown change." });
export type QuestionEditInput = z.infer<typeof questionEditSchema>;

/** A preview link's key (lib/classroom/tokens.ts previewKeyFor). */
export const previewQuerySchema = z.object({ key: z.optional(z.string().check(z.maxLength(64))) });

/** A student's poll: the state version the phone already shows (and nothing else). */
export const pollQuerySchema = z.strictObject({ v: z._default(wholeNumber(-1), -1) });

/** The dashboard's page of students (`?page=`): anything but a whole number from 1 shows the first. */
const studentPageSchema = z.catch(wholeNumber(1), 1);
export const parseStudentPage = (value: unknown): number => studentPageSchema.parse(value);

/** An id that cannot be ours is simply not found: no round trip, no key built from junk. */
export function assertSessionId(sessionId: string): void {
  if (!sessionIdSchema.safeParse(sessionId).success) throw new ClassroomError("not_found", CLASSROOM_MESSAGES.notFound);
}

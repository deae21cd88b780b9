/**
 * The choices a teacher makes when creating a session. No Zod here: the
 * form renders them before its validator loads (lib/forms/schema-resolver.ts).
 */

export const SESSION_MODES = ["live", "homework"] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Seconds per question in a live session; 0 = no timer, the teacher closes each question. */
export const TIMER_CHOICES = [0, 10, 20, 30, 60] as const;
export type TimerChoice = (typeof TIMER_CHOICES)[number];

export const SCORING_CHOICES = ["accuracy", "speed"] as const;
export type Scoring = (typeof SCORING_CHOICES)[number];

/** How long homework stays open, in hours. */
export const DUE_IN_HOURS = [1, 24, 48, 72, 168, 336] as const;
export type DueInHours = (typeof DUE_IN_HOURS)[number];

/** Waiting-room sizes the teacher's screens show; why these numbers: lib/classroom/limits.ts. */
export const WAITING_ROOM = {
  /** Players one network may seat in a session per hour before its joins wait for the teacher. */
  straightInSeats: 30,
  /** "Remove the players who joined in the last minute". */
  burstMs: 60_000,
} as const;

/**
 * How much of a large class the teacher's screens name. The waiting list names the first players waiting and
 * counts the others; the projector's roster names the latest to join (the ones a teacher watches for) and counts
 * the earlier ones; the dashboard pages its student table.
 */
export const HOST_LISTS = { waitingNamed: 50, rosterNamed: 100, studentsPerPage: 100 } as const;

/** Teams in a live session (lib/classroom/teams.ts): 0 plays without teams. */
export const TEAM_COUNTS = [0, 2, 3, 4, 5, 6, 7, 8] as const;
export type TeamCount = (typeof TEAM_COUNTS)[number];

/** How a student gets a team: the server keeps the teams balanced, or each student picks one when joining. */
export const TEAM_ASSIGNMENTS = ["balanced", "choice"] as const;
export type TeamAssignment = (typeof TEAM_ASSIGNMENTS)[number];

/** Whose answer scores for a team: its first (one shared phone per team), or the average of its members' points (a phone each). */
export const TEAM_RULES = ["first", "average"] as const;
export type TeamRule = (typeof TEAM_RULES)[number];

/** A student's accommodations, given by the teacher (applied in lib/classroom/accommodations.ts). */
export const EXTRA_TIME_CHOICES = ["none", "1.5", "2", "untimed"] as const;
export type ExtraTime = (typeof EXTRA_TIME_CHOICES)[number];

export interface Accommodations {
  extraTime: ExtraTime;
  fewerOptions: boolean;
}

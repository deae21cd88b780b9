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

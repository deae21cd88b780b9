import type { PublicQuestion } from "@/lib/questions/schemas";
import type { SessionRecord } from "./record";
import type { Accommodations, ExtraTime } from "./settings";
import type { LivePhase } from "./views";

/**
 * A student's accommodations, given by the teacher and applied by the
 * server: more time on a live question, and one wrong option fewer on a
 * four-option question. Private to the student: the projector and the
 * classmates' phones are built without them. Pure and client-safe (the
 * dashboard's form names the choices).
 */

export const NO_ACCOMMODATIONS: Accommodations = { extraTime: "none", fewerOptions: false };

export const EXTRA_TIME_LABELS: Record<ExtraTime, string> = {
  none: "Class time",
  "1.5": "Extra time ×1.5",
  "2": "Extra time ×2",
  untimed: "Untimed",
};

/** The timer multiplied by; untimed counts as ×2 for speed points, the most time a timed student gets. */
const FACTORS: Record<ExtraTime, number> = { none: 1, "1.5": 1.5, "2": 2, untimed: 2 };

/** Only four-option questions lose one: with three or fewer, guessing is already easy. */
const OPTIONS_BEFORE_REMOVAL = 4;

export const hasAccommodations = (given: Accommodations) => given.extraTime !== "none" || given.fewerOptions;

/** "extra time ×2; fewer options", or "" with none: how the dashboard and the CSV name them. */
export function describeAccommodations(given: Accommodations): string {
  return [given.extraTime === "none" ? "" : EXTRA_TIME_LABELS[given.extraTime].toLowerCase(), given.fewerOptions ? "fewer options" : ""]
    .filter(Boolean)
    .join("; ");
}

/** The timer the student's own window is measured on (speed points), in seconds; 0 = no timer. */
export const timerFor = (timerSeconds: number, given: Accommodations) => timerSeconds * FACTORS[given.extraTime];

/**
 * When the open question closes for this student: the opening plus their
 * own time; null when it waits for the teacher (no timer, or untimed).
 * Only for a question still open as stored: the teacher's "close" ends it
 * for everyone.
 */
export function closesAtFor(session: SessionRecord, given: Accommodations): number | null {
  if (session.closesAt === null || session.openedAt === null || given.extraTime === "none") return session.closesAt;
  return given.extraTime === "untimed" ? null : session.openedAt + (session.closesAt - session.openedAt) * FACTORS[given.extraTime];
}

/**
 * The phase this student sees: the class's, except that a live question
 * whose class timer has run out stays open until the student's own
 * deadline. The reveal and everything after it are the teacher's, for all.
 */
export function phaseFor(session: SessionRecord, classPhase: LivePhase, given: Accommodations, now: number): LivePhase {
  if (classPhase !== "closed" || session.phase !== "open" || session.settings.mode !== "live") return classPhase;
  const closesAt = closesAtFor(session, given);
  return closesAt === null || now < closesAt ? "open" : "closed";
}

/** FNV-1a: a stable number from a string, the same on every server and every run. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The wrong option this student does not get, stable per player and
 * question (a reload shows the same three); null when nothing is removed.
 */
export function removedOption(options: readonly { id: string }[], correctId: string, playerId: string, questionId: string): string | null {
  if (options.length !== OPTIONS_BEFORE_REMOVAL) return null;
  const wrong = options.filter((option) => option.id !== correctId);
  return wrong[stableHash(`${playerId}:${questionId}`) % wrong.length]?.id ?? null;
}

/**
 * The question as this student's phone shows it: without the removed
 * option, each remaining one keeping its place on the projector (`mark`),
 * so its shape and colour stay the same.
 */
export function withoutOption(question: PublicQuestion, removed: string | null): PublicQuestion {
  if (removed === null || (question.kind !== "single" && question.kind !== "who-said")) return question;
  const options = question.options.flatMap((option, mark) => (option.id === removed ? [] : [{ ...option, mark }]));
  return { ...question, options };
}

import type { TimelineEvent } from "./schemas";

/**
 * How current the site is: the date of the newest sourced fact, and whether
 * it is old enough that pages should say so. Pure, with "today" passed in,
 * so the 90-day boundary can be tested without a clock.
 */

/** After this many days without a newer sourced fact, pages say what date the site is current to. */
export const CURRENCY_LIMIT_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Currency {
  /** The newest fact's date, YYYY-MM-DD (or YYYY-MM when only the month is known). */
  currentTo: string;
  /** Whole days from that date to today (UTC). */
  daysOld: number;
  /** More than CURRENCY_LIMIT_DAYS old: time to tell the reader. */
  stale: boolean;
}

/**
 * The latest date the timeline reaches, an event's end date counting where it
 * spans several days. Dates compare as strings: "2026-05" sorts before any day of May 2026.
 */
export function newestFactDate(timeline: readonly Pick<TimelineEvent, "date" | "endDate">[]): string {
  const dates = timeline.map((event) => event.endDate ?? event.date);
  const newest = dates.reduce((latest, date) => (date > latest ? date : latest), "");
  if (newest === "") throw new Error("the timeline has no events");
  return newest;
}

/** A month-only date counts from its first day, so the notice errs towards showing. */
function startOfDay(isoDayOrMonth: string): number {
  const [year = 0, month = 1, day = 1] = isoDayOrMonth.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

export function contentCurrency(currentTo: string, today: Date): Currency {
  const todayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const daysOld = Math.floor((todayStart - startOfDay(currentTo)) / DAY_MS);
  return { currentTo, daysOld, stale: daysOld > CURRENCY_LIMIT_DAYS };
}

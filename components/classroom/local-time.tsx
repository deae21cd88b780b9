"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

function format(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(ms);
}

/**
 * A moment in the reader's own time zone. The server does not know it, so
 * the page is rendered in UTC (marked as such) and the browser swaps in
 * local time as it hydrates.
 */
export function LocalTime({ ms }: { ms: number }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => format(ms),
    () => `${format(ms, "UTC")} UTC`,
  );
  return <time dateTime={new Date(ms).toISOString()}>{text}</time>;
}

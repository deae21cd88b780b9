import type { TimelineEvent } from "@/lib/content";
import { TimelineEventCard } from "./timeline-event-card";

/** Events grouped by year; each event's element carries its id so `#id` links land on it. */
export function TimelineList({ events }: { events: TimelineEvent[] }) {
  const years = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return (
    <>
      {[...years].map(([year, yearEvents]) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`} className="timeline-year">
            {year}
          </h2>
          <ol className="timeline">
            {yearEvents.map((event) => (
              <li key={event.id} id={event.id} className="timeline-event">
                <TimelineEventCard event={event} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

import { TIMELINE_CATEGORIES, type TimelineCategory } from "@/lib/content";

/** Filtering is plain links to prerendered pages, so it works without JavaScript and each view has a URL. */
export function TimelineFilter({ current }: { current?: TimelineCategory }) {
  const entries = Object.entries(TIMELINE_CATEGORIES) as [TimelineCategory, string][];
  return (
    <nav aria-label="Filter the timeline by category">
      <ul className="timeline-filter">
        <li>
          <a href="/timeline" aria-current={current ? undefined : "page"}>
            All events
          </a>
        </li>
        {entries.map(([category, label]) => (
          <li key={category}>
            <a href={`/timeline/${category}`} aria-current={current === category ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

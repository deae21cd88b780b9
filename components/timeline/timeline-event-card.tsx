import { SourceLinks } from "@/components/content/source-links";
import { UpdateNotes } from "@/components/updates/update-notes";
import { getUpdatesAbout, TIMELINE_CATEGORIES, type TimelineEvent } from "@/lib/content";
import { formatDate } from "@/lib/site";

export function TimelineEventCard({ event, headingLevel = 3 }: { event: TimelineEvent; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card" aria-labelledby={`${event.id}-title`}>
      <p className="meta" style={{ margin: 0 }}>
        <time dateTime={event.date}>
          {formatDate(event.date)}
          {event.endDate ? ` – ${formatDate(event.endDate)}` : ""}
        </time>{" "}
        · <span className="tag">{TIMELINE_CATEGORIES[event.category]}</span>
      </p>
      <Heading id={`${event.id}-title`}>
        <a href={`/timeline#${event.id}`} className="timeline-event__link">
          {event.title}
        </a>
      </Heading>
      <p style={{ margin: 0 }}>{event.summary}</p>
      {event.explainer && (
        <p style={{ margin: "0.5rem 0 0" }}>
          <a href={`/explainers/${event.explainer.slug}${event.explainer.anchor ? `#${event.explainer.anchor}` : ""}`}>
            Read the explainer
          </a>
        </p>
      )}
      <SourceLinks ids={event.sources} />
      <UpdateNotes entries={getUpdatesAbout("event", event.id)} />
    </article>
  );
}

import type { Metadata } from "next";
import { SourceLinks } from "@/components/content/source-links";
import { ExplainerList } from "@/components/explainer/explainer-list";
import { KeyMoments } from "@/components/pictures/key-moments";
import { TimelineEventCard } from "@/components/timeline/timeline-event-card";
import { getTimeline, getWhereThingsStand } from "@/lib/content";
import { formatDate } from "@/lib/site";

export const metadata: Metadata = { alternates: { canonical: "/" } };

const LATEST_EVENT_COUNT = 4;

export default function HomePage() {
  const standing = getWhereThingsStand();
  const latest = getTimeline().slice(-LATEST_EVENT_COUNT).reverse();
  return (
    <>
      <h1>Trump and Kim, explained</h1>
      <p className="lede">
        Donald Trump and Kim Jong-un went from threats of “fire and fury” to three meetings and a stack of letters,
        then years of silence. This site sets out what happened, why talks stalled and what renewed talks could look
        like, with a source for every fact and a quiz to test what you learned.
      </p>
      <p>
        <a className="button" href="/quiz">
          Start the quiz
        </a>
      </p>

      <section aria-labelledby="standing-heading" className="callout">
        <h2 id="standing-heading" style={{ marginTop: 0 }}>
          Where things stand <span className="meta">(as of {formatDate(standing.asOf)})</span>
        </h2>
        {standing.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <SourceLinks ids={standing.sources} />
        <p style={{ margin: "0.5rem 0 0" }}>
          <a href="/explainers/where-things-stand">What each side wants, and what to watch</a>
        </p>
      </section>

      <section aria-labelledby="moments-heading">
        <h2 id="moments-heading">The story at a glance</h2>
        <KeyMoments />
      </section>

      <section aria-labelledby="explainers-heading">
        <h2 id="explainers-heading">Explainers</h2>
        <ExplainerList />
      </section>

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest on the timeline</h2>
        <ol className="card-grid">
          {latest.map((event) => (
            <li key={event.id}>
              <TimelineEventCard event={event} />
            </li>
          ))}
        </ol>
        <p>
          <a href="/timeline">The full timeline, from 2017</a>
        </p>
      </section>
    </>
  );
}

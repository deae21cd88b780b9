import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { CurrencyBanner } from "@/components/site/currency-banner";
import { CONTENT_AS_OF, getTimeline, TIMELINE_CATEGORIES, type TimelineCategory } from "@/lib/content";
import { formatDate } from "@/lib/site";
import { TimelineFilter } from "./timeline-filter";
import { TimelineList } from "./timeline-list";

export function TimelinePage({ category }: { category?: TimelineCategory }) {
  const events = getTimeline().filter((event) => !category || event.category === category);
  const heading = category ? `Timeline: ${TIMELINE_CATEGORIES[category]}` : "Timeline";
  return (
    <>
      <Breadcrumbs
        trail={
          category
            ? [
                { href: "/timeline", label: "Timeline" },
                { href: `/timeline/${category}`, label: TIMELINE_CATEGORIES[category] },
              ]
            : [{ href: "/timeline", label: "Timeline" }]
        }
      />
      <CurrencyBanner />
      <h1>{heading}</h1>
      <p className="lede">
        {events.length} dated events from 2017 to {formatDate(CONTENT_AS_OF)}, each with the reporting it comes from.
        Every event has its own link: share it to point someone at one moment.
      </p>
      <TimelineFilter current={category} />
      <TimelineList events={events} />
    </>
  );
}

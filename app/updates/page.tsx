import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { UpdateDateline, UpdateText } from "@/components/updates/update-notes";
import { getUpdates } from "@/lib/content";
import { pageMetadata } from "@/lib/share/metadata";
import { FEED_PATH } from "@/lib/updates/feed";
import { updatePlace } from "@/lib/updates/places";

const DESCRIPTION = "Every correction, clarification and update made to this site's explainers, timeline and quiz, newest first.";

export const metadata: Metadata = {
  ...pageMetadata({ title: "Corrections and updates", description: DESCRIPTION, path: "/updates" }),
  alternates: { canonical: "/updates", types: { "application/atom+xml": FEED_PATH } },
};

export default function Page() {
  const entries = getUpdates();
  return (
    <>
      <Breadcrumbs trail={[{ href: "/updates", label: "Corrections and updates" }]} />
      <h1>Corrections and updates</h1>
      <p className="lede">
        When we find a mistake or new facts, we change the page and record it here: what changed, why, and the source
        that supports the new text. Newest first.
      </p>
      <p>
        A <strong>correction</strong> fixes something that was wrong; a <strong>clarification</strong> changes wording,
        attribution or sourcing; an <strong>update</strong> adds new facts. Follow the log with the{" "}
        <a href={FEED_PATH} type="application/atom+xml">
          Atom feed
        </a>
        .
      </p>
      {entries.length === 0 ? (
        <p>Nothing has been corrected or updated yet.</p>
      ) : (
        <ol className="entries update-list">
          {entries.map((entry) => {
            const place = updatePlace(entry.target);
            return (
              <li key={entry.id} id={entry.id} className="card update-note">
                <h2 className="update-note__place">
                  <a href={place.href}>{place.label}</a>
                </h2>
                <p className="update-note__dateline">
                  <UpdateDateline entry={entry} />
                </p>
                <UpdateText entry={entry} />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

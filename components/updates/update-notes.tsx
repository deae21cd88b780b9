import { SourceLinks } from "@/components/content/source-links";
import { UPDATE_TYPE_LABELS, type LoggedUpdate } from "@/lib/content";
import { formatDate } from "@/lib/site";

/** "Correction, 5 December 2026": the type and day of one entry. */
export function UpdateDateline({ entry }: { entry: LoggedUpdate }) {
  return (
    <>
      <strong>{UPDATE_TYPE_LABELS[entry.type]}</strong>, <time dateTime={entry.date}>{formatDate(entry.date)}</time>
    </>
  );
}

/** What changed, why, and the sources that support the corrected text. */
export function UpdateText({ entry }: { entry: LoggedUpdate }) {
  return (
    <>
      <p className="update-note__summary">{entry.summary}</p>
      <p className="update-note__reason">Why: {entry.reason}</p>
      <SourceLinks ids={entry.sources} />
    </>
  );
}

/**
 * The changes made to one place, newest first, each linking to its entry on
 * /updates. Compact: under a timeline event, a person or a term.
 */
export function UpdateNotes({ entries }: { entries: LoggedUpdate[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="update-notes" aria-label="Corrections and updates">
      {entries.map((entry) => (
        <li key={entry.id} className="update-note">
          <UpdateDateline entry={entry} />: {entry.summary} <a href={`/updates#${entry.id}`}>Details</a>
        </li>
      ))}
    </ul>
  );
}

/** The foot of an explainer: every change made to it, in full. */
export function UpdatesSection({ entries }: { entries: LoggedUpdate[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="updates-section">
      <h2 id="corrections-heading">Corrections and updates</h2>
      <ol className="entries update-list">
        {entries.map((entry) => (
          <li key={entry.id} className="update-note">
            <p className="update-note__dateline">
              <UpdateDateline entry={entry} /> · <a href={`/updates#${entry.id}`}>In the log</a>
            </p>
            <UpdateText entry={entry} />
          </li>
        ))}
      </ol>
      <p>
        <a href="/updates">All corrections and updates</a>
      </p>
    </section>
  );
}

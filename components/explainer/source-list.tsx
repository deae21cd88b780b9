import type { Source } from "@/lib/content";
import { formatDate } from "@/lib/site";

/** The numbered sources at the foot of an explainer; citation `[N]` links land on `#source-N`. */
export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol className="source-list">
        {sources.map((source, index) => (
          <li key={source.id} id={`source-${index + 1}`}>
            {source.publisher}, <a href={source.url} rel="noopener noreferrer">“{source.title}”</a>,{" "}
            {formatDate(source.published)}.
          </li>
        ))}
      </ol>
    </section>
  );
}

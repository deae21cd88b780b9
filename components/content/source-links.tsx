import { getSource } from "@/lib/content";
import { formatDate } from "@/lib/site";

/** "Sources: Publisher (date), …" with each source opening the original. */
export function SourceLinks({ ids }: { ids: string[] }) {
  return (
    <p className="source-links">
      {ids.length === 1 ? "Source: " : "Sources: "}
      {ids.map((id, index) => {
        const source = getSource(id);
        return (
          <span key={id}>
            {index > 0 && "; "}
            <a href={source.url} rel="noopener noreferrer">
              {source.publisher}
              <span className="visually-hidden">, “{source.title}”</span>
            </a>{" "}
            ({formatDate(source.published)})
          </span>
        );
      })}
    </p>
  );
}

import type { Explainer } from "@/lib/content";

/** Only top-level sections: on a phone a long list of subsections is noise. */
export function TableOfContents({ headings }: { headings: Explainer["headings"] }) {
  const sections = headings.filter((heading) => heading.depth === 2);
  if (sections.length < 3) return null;
  return (
    <nav aria-labelledby="toc-heading" className="toc card">
      <h2 id="toc-heading" style={{ margin: 0, fontSize: "1.05rem" }}>
        On this page
      </h2>
      <ol>
        {sections.map((heading) => (
          <li key={heading.id}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

import type { Metadata } from "next";
import { SourceLinks } from "@/components/content/source-links";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { UpdateNotes } from "@/components/updates/update-notes";
import { getGlossary, getUpdatesAbout } from "@/lib/content";
import { pageMetadata } from "@/lib/share/metadata";

const DESCRIPTION = "Denuclearization, CVID, Yongbyon, the DMZ and the other terms you need to follow the Trump–Kim story.";

export const metadata: Metadata = pageMetadata({ title: "Glossary", description: DESCRIPTION, path: "/glossary" });

export default function Page() {
  const terms = getGlossary();
  const names = new Map(terms.map((term) => [term.id, term.term]));
  return (
    <>
      <Breadcrumbs trail={[{ href: "/glossary", label: "Glossary" }]} />
      <h1>Glossary</h1>
      <p className="lede">The words and abbreviations that come up again and again, in plain language.</p>
      <dl className="entries">
        {terms.map((term) => (
          <div key={term.id}>
            <dt id={term.id}>
              {term.term}
              {term.abbreviation ? ` (${term.abbreviation})` : ""}
            </dt>
            <dd>
              {term.definition}
              {term.related?.length ? (
                <span className="meta">
                  {" "}
                  See also:{" "}
                  {term.related.map((id, index) => (
                    <span key={id}>
                      {index > 0 && ", "}
                      <a href={`#${id}`}>{names.get(id)}</a>
                    </span>
                  ))}
                  .
                </span>
              ) : null}
              <SourceLinks ids={term.sources} />
              <UpdateNotes entries={getUpdatesAbout("term", term.id)} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

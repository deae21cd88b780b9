import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { getSources, getSourceUsage, SOURCE_GROUPS } from "@/lib/content";
import { pageMetadata } from "@/lib/share/metadata";
import { formatDate } from "@/lib/site";

const DESCRIPTION = "Every article and document this site cites, grouped by kind, with the pages that rely on each one.";

export const metadata: Metadata = pageMetadata({ title: "Sources", description: DESCRIPTION, path: "/sources" });

export default function Page() {
  const sources = getSources();
  const usage = getSourceUsage();
  const groups = Object.entries(SOURCE_GROUPS) as [keyof typeof SOURCE_GROUPS, string][];
  return (
    <>
      <Breadcrumbs trail={[{ href: "/sources", label: "Sources" }]} />
      <h1>Sources</h1>
      <p className="lede">
        {sources.length} sources, each opening the original reporting. Under each: what on this site cites it.
      </p>
      {groups.map(([group, label]) => {
        const inGroup = sources.filter((source) => source.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{label}</h2>
            <ul className="entries source-list" style={{ listStyle: "none", padding: 0 }}>
              {inGroup.map((source) => (
                <li key={source.id} id={source.id}>
                  {source.publisher}, <a href={source.url} rel="noopener noreferrer">“{source.title}”</a>,{" "}
                  {formatDate(source.published)}
                  {source.note ? <span className="meta"> ({source.note})</span> : null}.
                  <br />
                  <span className="meta">
                    Cited by:{" "}
                    {(usage.get(source.id) ?? []).map((use, index) => (
                      <span key={`${use.kind}-${use.id}`}>
                        {index > 0 && "; "}
                        <a href={use.href}>{use.title}</a>
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

import type { Metadata } from "next";
import { SourceLinks } from "@/components/content/source-links";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { UpdateNotes } from "@/components/updates/update-notes";
import { getPeople, getUpdatesAbout } from "@/lib/content";
import { pageMetadata } from "@/lib/share/metadata";

const DESCRIPTION = "The leaders, officials and negotiators in the Trump–Kim story, and the roles they held at the time.";

export const metadata: Metadata = pageMetadata({ title: "Who's who", description: DESCRIPTION, path: "/people" });

export default function Page() {
  return (
    <>
      <Breadcrumbs trail={[{ href: "/people", label: "Who's who" }]} />
      <h1>Who’s who</h1>
      <p className="lede">Roles are those held at the time of the events described on this site.</p>
      <dl className="entries">
        {getPeople().map((person) => (
          <div key={person.id}>
            <dt id={person.id}>
              {person.name}
              {person.altNames?.length ? <span className="meta"> (also {person.altNames.join(", ")})</span> : null}
            </dt>
            <dd>
              <strong>{person.role}.</strong> {person.summary}
              <SourceLinks ids={person.sources} />
              <UpdateNotes entries={getUpdatesAbout("person", person.id)} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

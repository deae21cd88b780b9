import type { Metadata } from "next";
import { HostLive } from "@/components/classroom/host-live";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { JoinPanel } from "@/components/classroom/join-panel";
import hostStyles from "@/components/classroom/host.module.css";
import { ShareSection } from "@/components/share/share-section";
import { formatJoinCode } from "@/lib/classroom/code";
import { joinPath } from "@/lib/classroom/paths";
import { classShareTargets } from "@/lib/share/share-targets";
import { absoluteUrl } from "@/lib/site";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Class session", robots: { index: false } };

/** The projector: how to join, who has joined, and the live quiz with the teacher's controls. */
async function Page({ params }: PageProps<"/classroom/host/[sessionId]">) {
  const { sessionId } = await params;
  const view = await loadForHost(sessionId, (classroom, credential) => classroom.getHostView(sessionId, credential));
  if (!view) return <NotHostNotice />;
  const joinLink = absoluteUrl(joinPath(view.code));
  const joinPanel = <JoinPanel joinPage={absoluteUrl(joinPath())} joinLink={joinLink} code={view.code} />;
  return (
    <>
      <h1 className={hostStyles.title}>{view.settings.mode === "live" ? "Live class quiz" : "Class homework"}</h1>
      <HostLive
        initial={view}
        joinPanel={
          view.settings.mode === "homework" ? (
            <>
              {joinPanel}
              <ShareSection
                id="hand-out"
                heading="Hand out the link"
                url={joinLink}
                title="Class homework"
                text={`Our class homework: open the link, or type the code ${formatJoinCode(view.code)}.`}
                targets={classShareTargets}
              />
            </>
          ) : (
            joinPanel
          )
        }
      />
    </>
  );
}

export default storePage(Page);

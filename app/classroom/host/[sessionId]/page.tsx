import type { Metadata } from "next";
import { HostLive } from "@/components/classroom/host-live";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { JoinPanel } from "@/components/classroom/join-panel";
import hostStyles from "@/components/classroom/host.module.css";
import { joinPath } from "@/lib/classroom/paths";
import { absoluteUrl } from "@/lib/site";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Class session", robots: { index: false } };

/** The projector: how to join, who has joined, and the live quiz with the teacher's controls. */
async function Page({ params }: PageProps<"/classroom/host/[sessionId]">) {
  const { sessionId } = await params;
  const view = await loadForHost(sessionId, (classroom, credential) => classroom.getHostView(sessionId, credential));
  if (!view) return <NotHostNotice />;
  return (
    <>
      <h1 className={hostStyles.title}>{view.settings.mode === "live" ? "Live class quiz" : "Class homework"}</h1>
      <HostLive initial={view} joinPanel={<JoinPanel joinPage={absoluteUrl(joinPath())} joinLink={absoluteUrl(joinPath(view.code))} code={view.code} />} />
    </>
  );
}

export default storePage(Page);

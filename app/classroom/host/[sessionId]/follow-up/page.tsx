import type { Metadata } from "next";
import { FollowUpSheet } from "@/components/classroom/follow-up-sheet";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { PrintButton } from "@/components/classroom/print-button";
import sheetStyles from "@/components/classroom/sheet.module.css";
import { mostMissed } from "@/lib/classroom/dashboard";
import { dashboardPath } from "@/lib/classroom/paths";
import { siteUrl } from "@/lib/site";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Follow-up sheet", robots: { index: false } };

/** A printable sheet for the next lesson: the three questions the class missed most, explained and sourced. */
async function Page({ params }: PageProps<"/classroom/host/[sessionId]/follow-up">) {
  const { sessionId } = await params;
  const dashboard = await loadForHost(sessionId, (classroom, credential) => classroom.getDashboard(sessionId, credential));
  if (!dashboard) return <NotHostNotice />;
  return (
    <article className={sheetStyles.sheet}>
      <p className={sheetStyles.noPrint}>
        <a href={dashboardPath(sessionId)}>Back to the dashboard</a>
      </p>
      <h1>Going over the quiz: what we missed</h1>
      <p className="lede">The three questions the class found hardest, with the answers and where they come from.</p>
      <FollowUpSheet questions={mostMissed(dashboard)} baseUrl={siteUrl()} />
      <p className={sheetStyles.noPrint}>
        <PrintButton />
      </p>
    </article>
  );
}

export default storePage(Page);

import type { Metadata } from "next";
import { FollowUpSheet } from "@/components/classroom/follow-up-sheet";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { PrintButton } from "@/components/classroom/print-button";
import sheetStyles from "@/components/classroom/sheet.module.css";
import { mostMissed, rooms } from "@/lib/rooms";
import { dashboardPath } from "@/lib/rooms/paths";

export const metadata: Metadata = { title: "Follow-up sheet", robots: { index: false } };

/** A printable sheet for the next lesson: the three questions the class missed most, explained and sourced. */
export default async function Page({ params }: PageProps<"/classroom/host/[roomId]/follow-up">) {
  const { roomId } = await params;
  const service = await rooms();
  const dashboard = await loadForHost(roomId, (credential) => service.getDashboard(roomId, credential));
  if (!dashboard) return <NotHostNotice />;
  return (
    <article className={sheetStyles.sheet}>
      <p className={sheetStyles.noPrint}>
        <a href={dashboardPath(roomId)}>Back to the dashboard</a>
      </p>
      <h1>Going over the quiz: what we missed</h1>
      <p className="lede">The three questions the class found hardest, with the answers and where they come from.</p>
      <FollowUpSheet questions={mostMissed(dashboard)} />
      <p className={sheetStyles.noPrint}>
        <PrintButton />
      </p>
    </article>
  );
}

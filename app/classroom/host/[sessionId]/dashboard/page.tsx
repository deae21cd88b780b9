import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AutoRefresh } from "@/components/classroom/auto-refresh";
import { QuestionTable, StudentTable } from "@/components/classroom/dashboard-tables";
import dashboardStyles from "@/components/classroom/dashboard.module.css";
import { HostActionForm } from "@/components/classroom/host-action-form";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { LocalTime } from "@/components/classroom/local-time";
import { WaitingRoom } from "@/components/classroom/waiting-room";
import { TeamStandingsTable } from "@/components/classroom/standings";
import { formatJoinCode } from "@/lib/classroom/code";
import { readHostCookie } from "@/lib/classroom/cookies";
import { parseStudentPage } from "@/lib/classroom/requests";
import { csvPath, followUpPath, hostLinkPath, hostPath, questionsPath } from "@/lib/classroom/paths";
import { absoluteUrl } from "@/lib/site";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Class dashboard", robots: { index: false } };

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** The teacher's dashboard: scores and answers, questions, who may join, remove/lock/end, exports and the private host link. */
async function Page({ params, searchParams }: PageProps<"/classroom/host/[sessionId]/dashboard">) {
  const { sessionId } = await params;
  const page = parseStudentPage((await searchParams).page);
  const dashboard = await loadForHost(sessionId, (classroom, credential) => classroom.getDashboard(sessionId, credential, { page }));
  if (!dashboard) return <NotHostNotice />;
  const credential = readHostCookie(await cookies(), sessionId) ?? "";
  const hostLink = absoluteUrl(hostLinkPath(sessionId, credential));
  const ended = dashboard.phase === "ended";
  const act = { sessionId, version: dashboard.version, from: "dashboard" as const, className: "button button--secondary" };

  return (
    <>
      <AutoRefresh seconds={5} enabled={!ended} sessionId={sessionId} mode={dashboard.settings.mode} />
      <h1>Class dashboard</h1>
      <p className="lede">
        {dashboard.settings.mode === "live" ? "Live quiz" : "Homework"} · code {formatJoinCode(dashboard.code)} ·{" "}
        {ended ? "ended" : dashboard.locked ? "locked to new joins" : "open"}
        {dashboard.settings.deadline !== null && (
          <>
            {" "}
            · due <LocalTime ms={dashboard.settings.deadline} />
          </>
        )}
      </p>
      <dl className={dashboardStyles.summary}>
        <div>
          <dt>Students</dt>
          <dd>{dashboard.studentList.active}</dd>
        </div>
        <div>
          <dt>Class: right answers</dt>
          <dd>{percent(dashboard.class.share)}</dd>
        </div>
        <div>
          <dt>Everyone who played</dt>
          <dd>{percent(dashboard.everyone.share)}</dd>
        </div>
      </dl>
      <div className={dashboardStyles.actions}>
        <a className="button" href={csvPath(sessionId)} download>
          Download CSV
        </a>
        <a className="button button--secondary" href={followUpPath(sessionId)}>
          Follow-up sheet
        </a>
        <a className="button button--secondary" href={hostPath(sessionId)}>
          Projector view
        </a>
        <a className="button button--secondary" href={questionsPath(sessionId)}>
          Questions
        </a>
        {!ended && (
          <>
            <HostActionForm action={dashboard.locked ? "unlock" : "lock"} {...act}>
              {dashboard.locked ? "Unlock" : "Lock to new joins"}
            </HostActionForm>
            <HostActionForm action="end" confirm="End the session for everyone now?" {...act}>
              End the session
            </HostActionForm>
          </>
        )}
      </div>
      {!ended && (
        <WaitingRoom
          sessionId={sessionId}
          approval={dashboard.approval}
          waiting={dashboard.waiting}
          seated={dashboard.players}
          seenAt={dashboard.now}
          from="dashboard"
        />
      )}
      <p className="meta">
        Kept until <LocalTime ms={dashboard.expiresAt} />, then deleted with every answer in it.
      </p>

      {dashboard.teams && (
        <>
          <h2>Teams</h2>
          <TeamStandingsTable teams={dashboard.teams} scoring={dashboard.settings.scoring} caption="Team standings" />
        </>
      )}
      <h2 id="students">Students</h2>
      <StudentTable dashboard={dashboard} canRemove={!ended} />
      <h2>Questions</h2>
      <QuestionTable dashboard={dashboard} />

      <details className={dashboardStyles.hostLink}>
        <summary>Open this session on another device</summary>
        <p>
          This private link lets whoever opens it run the session and see every answer. Do not show it on the projector
          or share it with students.
        </p>
        <label htmlFor="host-link" style={{ fontWeight: 700, display: "block" }}>
          Private host link
        </label>
        <input id="host-link" type="text" readOnly value={hostLink} />
      </details>
    </>
  );
}

export default storePage(Page);

import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Homework } from "@/components/classroom/homework";
import { ReadingPreferences } from "@/components/classroom/reading-preferences";
import { StudentLive } from "@/components/classroom/student-live";
import { WaitForTeacher } from "@/components/classroom/waiting-screen";
import { orNotFound } from "@/lib/http/or-not-found";
import { ClassroomError } from "@/lib/classroom/errors";
import { classroomService } from "@/lib/classroom";
import { readPlayerCookie } from "@/lib/classroom/cookies";
import { joinPath, playPath } from "@/lib/classroom/paths";
import { parseNotice } from "@/lib/quiz/notices";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Class quiz", robots: { index: false } };

/**
 * A student's page. The player cookie says who they are, so a reload, a
 * locked screen or a dropped connection comes back to the same player with
 * the same answers. `?answered=id`: homework feedback after a plain form;
 * `?notice=`: why a stale tab was brought here (lib/quiz/notices.ts). A player
 * waiting for the teacher to let them in sees that, and moves on by itself.
 */
async function Page({ params, searchParams }: PageProps<"/classroom/play/[sessionId]">) {
  const { sessionId } = await params;
  const { answered, notice } = await searchParams;
  const token = readPlayerCookie(await cookies(), sessionId);
  const play = await orNotFound(
    (await classroomService()).getPlayView(sessionId, token, typeof answered === "string" ? answered : undefined).catch((error: unknown) => {
      if (error instanceof ClassroomError && (error.code === "not_joined" || error.code === "removed" || error.code === "waiting")) return error;
      throw error;
    }),
  );

  if (play instanceof ClassroomError && play.code === "waiting") {
    return (
      <>
        <h1>Class quiz</h1>
        <p role="status" className="lede">
          <strong>Waiting for your teacher to let you in</strong>
        </p>
        <p>Keep this page open: it moves on by itself once your teacher lets you in.</p>
        <WaitForTeacher sessionId={sessionId} />
        <noscript>
          <p>
            <a className="button" href={playPath(sessionId)}>
              Check again
            </a>
          </p>
        </noscript>
      </>
    );
  }
  if (play instanceof ClassroomError) {
    return (
      <>
        <h1>Class quiz</h1>
        <p role="alert">{play.message}</p>
        {play.code === "not_joined" && (
          <p>
            <a className="button" href={`${joinPath()}?session=${sessionId}`}>
              Join this session
            </a>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <h1 className="visually-hidden">Class quiz</h1>
      {play.mode === "live" ? <StudentLive initial={play.view} /> : <Homework view={play.view} notice={parseNotice(notice)} />}
      <ReadingPreferences sessionId={sessionId} />
    </>
  );
}

export default storePage(Page);

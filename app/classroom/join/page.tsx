import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { JoinCodeForm } from "@/components/classroom/join-code-form";
import { JoinForm } from "@/components/classroom/join-form";
import { LocalTime } from "@/components/classroom/local-time";
import { ApiError } from "@/lib/http/api-error";
import { friendlyName } from "@/lib/nickname";
import { clientOf } from "@/lib/http/requester";
import { CLASSROOM_MESSAGES, ClassroomError } from "@/lib/classroom/errors";
import { classroomService } from "@/lib/classroom";
import { type JoinInfo } from "@/lib/classroom/views";
import { JOIN_CODE_PATTERN, normalizeJoinCode } from "@/lib/classroom/code";
import { readPlayerCookie } from "@/lib/classroom/cookies";
import { joinPath, playPath } from "@/lib/classroom/paths";
import { joinCodeSchema, sessionIdSchema } from "@/lib/classroom/requests";
import { classroomInviteImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";
import { newIdempotencyKey } from "@/lib/http/idempotency";
import { storePage } from "@/components/site/store-outage";

const DESCRIPTION = "Join your class’s quiz on Trump and Kim: type the code on the screen and choose a nickname.";

export async function generateMetadata({ searchParams }: PageProps<"/classroom/join">): Promise<Metadata> {
  const code = normalizeJoinCode(String((await searchParams).code ?? ""));
  if (!JOIN_CODE_PATTERN.test(code)) return { title: "Join a class quiz", description: DESCRIPTION, alternates: { canonical: joinPath() } };
  // An invitation: its preview shows the code; a personal link stays out of search results.
  return {
    ...shareMetadata({ title: "Join a class quiz", description: DESCRIPTION, path: joinPath(code), image: classroomInviteImage(code) }),
    robots: { index: false },
  };
}

type Lookup = { info: JoinInfo } | { error: string };

/** The session a code or a session id (from a link back here) points to, or why not. */
async function find(code: string | undefined, sessionId: string | undefined): Promise<Lookup | null> {
  const service = await classroomService();
  const token = async (id: string) => readPlayerCookie(await cookies(), id);
  try {
    if (sessionId && sessionIdSchema.safeParse(sessionId).success) return { info: await service.getJoinInfo(sessionId, await token(sessionId)) };
    if (code === undefined) return null;
    const parsed = joinCodeSchema.safeParse(code);
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the code on the screen." };
    const found = await service.lookupCode(parsed.data, clientOf(await headers()));
    return { info: await service.getJoinInfo(found.sessionId, await token(found.sessionId)) };
  } catch (error) {
    // Unknown code, expired session, too many wrong codes: say so next to the form.
    if (error instanceof ClassroomError || error instanceof ApiError) return { error: error.message };
    throw error;
  }
}

/**
 * Joining, in two steps on one page: the code (typed, or in the link a QR
 * code opens), then a nickname. A phone already in the session goes
 * straight back to it.
 */
async function Page({ searchParams }: PageProps<"/classroom/join">) {
  const query = await searchParams;
  const code = typeof query.code === "string" ? query.code : undefined;
  const sessionId = typeof query.session === "string" ? query.session : undefined;
  const found = await find(code, sessionId);
  if (found && "info" in found && found.info.player === "active") redirect(playPath(found.info.sessionId));

  return (
    <>
      <h1>Join a class quiz</h1>
      {!found || "error" in found ? (
        <JoinCodeForm code={code} error={found && "error" in found ? found.error : undefined} />
      ) : (
        <JoinStep info={found.info} />
      )}
    </>
  );
}

function JoinStep({ info }: { info: JoinInfo }) {
  const { settings } = info;
  const kind = settings.mode === "live" ? "Live quiz" : "Homework";
  if (info.player === "removed") {
    return <p role="alert">Your teacher removed you from this session, so you cannot rejoin it.</p>;
  }
  if (info.player === "turned-away") return <p role="alert">{CLASSROOM_MESSAGES.turnedAway}</p>;
  return (
    <>
      <p className="lede">
        {kind} · {settings.total} questions
        {settings.teams && ` · in ${settings.teams.count} teams`}
        {settings.deadline !== null && (
          <>
            {" "}
            · due <LocalTime ms={settings.deadline} />
          </>
        )}
      </p>
      {info.refusal ? (
        <>
          <p role="alert">{info.refusal}</p>
          <p>
            <a href={joinPath()}>Type another code</a>
          </p>
        </>
      ) : (
        <JoinForm
          sessionId={info.sessionId}
          suggestion={friendlyName()}
          idempotencyKey={newIdempotencyKey()}
          teamChoices={settings.teams?.assignment === "choice" ? settings.teams.count : 0}
        />
      )}
    </>
  );
}

export default storePage(Page);

import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { requesterOf } from "@/lib/http/requester";
import { classroomService } from "@/lib/classroom";
import { playerCookieName, readPlayerCookie } from "@/lib/classroom/cookies";
import { isHttps, requestCookies, setCookieHeader } from "@/lib/http/cookies";
import { joinPath, playPath } from "@/lib/classroom/paths";
import { joinSessionTextSchema } from "@/lib/classroom/requests";

/**
 * Join a session (or come back to it: a browser that already holds a player
 * cookie for it gets the same player). Sets the player cookie, then the play
 * page; 202 with `waiting: true` when the player waits for the teacher to let
 * them in (lib/classroom/waiting-room.ts), which the play page then shows. Rate limited per session and per client; idempotent with an
 * Idempotency-Key (header, or the form's hidden field): see lib/classroom/join-retry.ts.
 */
export const POST = route<{ sessionId: string }>(
  async (request, { sessionId }) => {
    const { data, format } = await parseBody(request, joinSessionTextSchema);
    const joined = await (await classroomService()).joinSession(
      sessionId,
      { nickname: data.nickname, team: data.team, token: readPlayerCookie(requestCookies(request), sessionId) },
      requesterOf(request, data),
    );
    const href = playPath(sessionId);
    const response =
      format === "form"
        ? seeOther(href)
        : Response.json({ nickname: joined.nickname, href, waiting: joined.waiting }, { status: joined.rejoined ? 200 : joined.waiting ? 202 : 201 });
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(playerCookieName(sessionId), joined.token, { maxAgeSeconds: joined.ttlSeconds, secure: isHttps(request) }),
    );
    return response;
  },
  { formErrorBack: ({ sessionId }) => `${joinPath()}?session=${sessionId}`, echo: ["nickname", "team"] },
);

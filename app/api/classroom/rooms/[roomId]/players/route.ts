import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { requesterOf } from "@/lib/http/requester";
import { joinRoomSchema, rooms } from "@/lib/rooms";
import { isHttps, playerCookieName, readPlayerCookie, requestCookies, setCookieHeader } from "@/lib/rooms/cookies";
import { joinPath, playPath } from "@/lib/rooms/paths";

/**
 * Join a session (or come back to it: a browser that already holds a player
 * cookie for it gets the same player). Sets the player cookie, then the play
 * page. Rate limited per session and per client; idempotent with an
 * Idempotency-Key (header, or the form's hidden field): see lib/rooms/join-retry.ts.
 */
export const POST = route<{ roomId: string }>(
  async (request, { roomId }) => {
    const { data, format } = await parseBody(request, joinRoomSchema);
    const joined = await (await rooms()).joinRoom(roomId, {
      nickname: data.nickname,
      token: readPlayerCookie(requestCookies(request), roomId),
      ...requesterOf(request, data),
    });
    const href = playPath(roomId);
    const response =
      format === "form"
        ? seeOther(href)
        : Response.json({ nickname: joined.nickname, href }, { status: joined.rejoined ? 200 : 201 });
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(playerCookieName(roomId), joined.token, { maxAgeSeconds: joined.ttlSeconds, secure: isHttps(request) }),
    );
    return response;
  },
  { formErrorBack: ({ roomId }) => ({ href: `${joinPath()}?room=${roomId}`, label: "Back to joining" }) },
);

import { cookies } from "next/headers";
import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { clientSubject } from "@/lib/rate-limit";
import { joinRoomSchema, rooms } from "@/lib/rooms";
import { isHttps, playerCookieName, readPlayerCookie, setCookieHeader } from "@/lib/rooms/cookies";
import { joinPath, playPath } from "@/lib/rooms/paths";

/**
 * Join a session (or come back to it: a browser that already holds a player
 * cookie for it gets the same player). Sets the player cookie, then the play
 * page.
 */
export const POST = route<{ roomId: string }>(
  async (request, { roomId }) => {
    const { data, format } = await parseBody(request, joinRoomSchema);
    const joined = await (await rooms()).joinRoom(roomId, {
      nickname: data.nickname,
      token: readPlayerCookie(await cookies(), roomId),
      client: clientSubject(request.headers),
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

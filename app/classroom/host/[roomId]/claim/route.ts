import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { RoomError, rooms } from "@/lib/rooms";
import { assertRoomId } from "@/lib/rooms/context";
import { hostCookieName, isHttps, setCookieHeader } from "@/lib/rooms/cookies";
import { dashboardPath } from "@/lib/rooms/paths";

/**
 * The private host link: checks the credential in it, hands this device the
 * teacher's cookie and moves on to the dashboard, so the credential does not
 * stay in the address bar (and no Referer carries it anywhere). A wrong or
 * expired link sets nothing: the dashboard then explains who may open it.
 * An id that cannot be a session's is a 404 here: it would not even fit in
 * the redirect's Location header.
 */
export const GET = route<{ roomId: string }>(async (request, { roomId }) => {
  assertRoomId(roomId);
  const credential = new URL(request.url).searchParams.get("key") ?? undefined;
  const claimed = await (await rooms()).claimHost(roomId, credential).catch((error: unknown) => {
    if (error instanceof RoomError) return null;
    throw error;
  });
  const response = seeOther(dashboardPath(roomId));
  response.headers.set("Referrer-Policy", "no-referrer");
  if (claimed && credential) {
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(hostCookieName(roomId), credential, { maxAgeSeconds: claimed.ttlSeconds, secure: isHttps(request) }),
    );
  }
  return response;
});

import { route } from "@/lib/http/handle-route";
import { rooms } from "@/lib/rooms";
import { readHostCookie, requestCookies } from "@/lib/rooms/cookies";

/** The projector's poll: the live state, who has joined and how many have answered. Host cookie only. */
export const GET = route<{ roomId: string }>(async (request, { roomId }) => {
  const view = await (await rooms()).getHostView(roomId, readHostCookie(requestCookies(request), roomId));
  return Response.json(view, { headers: { "Cache-Control": "no-store" } });
});

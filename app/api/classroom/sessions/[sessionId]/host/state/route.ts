import { route } from "@/lib/http/handle-route";
import { classroomService } from "@/lib/classroom";
import { readHostCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";

/** The projector's poll: the live state, who has joined and how many have answered. Host cookie only. */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) => {
  const view = await (await classroomService()).getHostView(sessionId, readHostCookie(requestCookies(request), sessionId));
  return Response.json(view, { headers: { "Cache-Control": "no-store" } });
});

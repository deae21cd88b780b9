import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { rooms } from "@/lib/rooms";
import { readHostCookie, requestCookies } from "@/lib/rooms/cookies";
import { dashboardPath, hostPath } from "@/lib/rooms/paths";
import { hostActionSchema } from "@/lib/rooms/schemas";

/** A teacher's action (start, close, reveal, standings, next, end, lock, unlock, remove). Host cookie only. */
export const POST = route<{ roomId: string }>(
  async (request, { roomId }) => {
    const { data, format } = await parseBody(request, hostActionSchema);
    const view = await (await rooms()).hostAction(roomId, readHostCookie(requestCookies(request), roomId), data);
    if (format === "form") return seeOther(data.from === "dashboard" ? dashboardPath(roomId) : hostPath(roomId));
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  },
  { formErrorBack: ({ roomId }) => ({ href: hostPath(roomId), label: "Back to the session" }) },
);

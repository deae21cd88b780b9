import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { classroomService } from "@/lib/classroom";
import { readHostCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";
import { dashboardPath, hostPath } from "@/lib/classroom/paths";
import { hostActionSchema } from "@/lib/classroom/requests";

/** A teacher's action (start, close, reveal, standings, next, end, lock, unlock, remove). Host cookie only. */
export const POST = route<{ sessionId: string }>(
  async (request, { sessionId }) => {
    const { data, format } = await parseBody(request, hostActionSchema);
    const view = await (await classroomService()).hostAction(sessionId, readHostCookie(requestCookies(request), sessionId), data);
    if (format === "form") return seeOther(data.from === "dashboard" ? dashboardPath(sessionId) : hostPath(sessionId));
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  },
  {
    formErrorBack: ({ sessionId }, form) => (form.get("from") === "dashboard" ? dashboardPath(sessionId) : hostPath(sessionId)),
    echo: ["action", "playerId"],
  },
);

import { route } from "@/lib/http/handle-route";
import { csvFileName, dashboardCsv } from "@/lib/classroom/csv";
import { classroomService } from "@/lib/classroom";
import { readHostCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";

/** The class's answers as a CSV that opens cleanly in Excel. Host cookie only. */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) => {
  const dashboard = await (await classroomService()).getDashboard(sessionId, readHostCookie(requestCookies(request), sessionId));
  return new Response(dashboardCsv(dashboard), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(dashboard)}"`,
      "Cache-Control": "no-store",
    },
  });
});

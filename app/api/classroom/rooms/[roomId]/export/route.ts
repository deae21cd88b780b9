import { route } from "@/lib/http/handle-route";
import { csvFileName, dashboardCsv, rooms } from "@/lib/rooms";
import { readHostCookie, requestCookies } from "@/lib/rooms/cookies";

/** The class's answers as a CSV that opens cleanly in Excel. Host cookie only. */
export const GET = route<{ roomId: string }>(async (request, { roomId }) => {
  const dashboard = await (await rooms()).getDashboard(roomId, readHostCookie(requestCookies(request), roomId));
  return new Response(dashboardCsv(dashboard), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(dashboard)}"`,
      "Cache-Control": "no-store",
    },
  });
});

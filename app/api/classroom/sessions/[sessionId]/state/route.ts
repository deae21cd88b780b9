import { route } from "@/lib/http/handle-route";
import { parseWith } from "@/lib/http/parse-request";
import { classroomService } from "@/lib/classroom";
import { readPlayerCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";
import { pollQuerySchema } from "@/lib/classroom/requests";

/**
 * A student's poll (about once a second while the page is open): one store
 * round trip; `{ changed: false }` when the phone already shows version `v`.
 */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) => {
  const { v } = parseWith(pollQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const result = await (await classroomService()).pollStudent(sessionId, readPlayerCookie(requestCookies(request), sessionId), v);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});

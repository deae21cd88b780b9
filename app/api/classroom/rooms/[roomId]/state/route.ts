import { route } from "@/lib/http/handle-route";
import { parseWith } from "@/lib/http/parse-request";
import { rooms } from "@/lib/rooms";
import { readPlayerCookie, requestCookies } from "@/lib/rooms/cookies";
import { pollQuerySchema } from "@/lib/rooms/schemas";

/**
 * A student's poll (about once a second while the page is open): one store
 * round trip; `{ changed: false }` when the phone already shows version `v`.
 */
export const GET = route<{ roomId: string }>(async (request, { roomId }) => {
  const { v } = parseWith(pollQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const result = await (await rooms()).pollStudent(roomId, readPlayerCookie(requestCookies(request), roomId), v);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});

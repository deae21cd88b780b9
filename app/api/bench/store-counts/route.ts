import { benchRouteNotFound, benchRoutesEnabled } from "@/bench/server/guard";
import { getStore } from "@/lib/store";
import { storeCounts } from "@/lib/store/counting";

export const dynamic = "force-dynamic";

/** The store's round trips, commands and wait time so far; the bench reads them around one request. */
export async function GET(): Promise<Response> {
  if (!benchRoutesEnabled()) return benchRouteNotFound();
  return Response.json(storeCounts(await getStore()), { headers: { "Cache-Control": "no-store" } });
}

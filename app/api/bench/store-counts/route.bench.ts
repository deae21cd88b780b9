import { readCounts, startCounting } from "@/bench/server/store-counts";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** Starts counting the store's round trips, commands and wait time (once, right after the server starts). */
export async function POST(): Promise<Response> {
  return Response.json(await startCounting(), { headers: NO_STORE });
}

/** The counts so far; the bench reads them around one request. 409 until counting has started. */
export async function GET(): Promise<Response> {
  const counts = readCounts();
  return counts
    ? Response.json(counts, { headers: NO_STORE })
    : Response.json({ error: { code: "not_counting", message: "POST here first to start counting." } }, { status: 409, headers: NO_STORE });
}

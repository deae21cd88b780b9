import { boundedCache } from "@/lib/bounded-cache";
import type { LiveShared } from "./views";

/**
 * One instance reads a session's shared state at most once a quarter of a
 * second, however many phones ask: without a caching proxy in front (a
 * plain `next start`, a serverless instance between CDN refreshes) the
 * store's cost still does not grow with the class. A quarter of a second
 * adds little to the phones' one-second poll.
 */
const REUSE_MS = 250;
/** Windows kept: a few hundred sessions' worth; the least recently used go first. */
const WINDOWS = 1_000;

const windows = boundedCache<LiveShared>(WINDOWS);

/** `read` once per session and quarter-second window; a failed read is not kept. */
export function reusedLive(sessionId: string, read: () => Promise<LiveShared>, now = Date.now()): Promise<LiveShared> {
  return windows.get(`${sessionId}:${Math.floor(now / REUSE_MS)}`, read);
}

import { env } from "@/lib/env";
import { StoreUnavailableError } from "./errors";
import { getStore } from "./index";
import type { Store, StoreKind } from "./types";

/**
 * GET /api/health: 200 {"store", "reachable": true}, or 503 + Retry-After
 * with "reachable": false. Never a 500: any failure to reach the store —
 * even a misconfiguration — means "not reachable" to a health check.
 */
export async function healthResponse(kind: StoreKind, store: Store | Promise<Store>): Promise<Response> {
  try {
    await (await store).ping();
    return body(kind, true, 200);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) console.error("store: health check failed", error);
    const retryAfter = error instanceof StoreUnavailableError ? error.retryAfterSeconds : 5;
    return body(kind, false, 503, { "Retry-After": String(retryAfter) });
  }
}

/** The health of the process-wide store. */
export function storeHealth(): Promise<Response> {
  return healthResponse(env().store.kind, getStore());
}

function body(store: StoreKind, reachable: boolean, status: number, headers: Record<string, string> = {}) {
  return Response.json({ store, reachable }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

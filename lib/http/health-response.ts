import type { StoreHealth } from "@/lib/store/health";

/**
 * GET /api/health: 200 {"store", "reachable": true}, or 503 + Retry-After
 * with "reachable": false. Never cached: each answer is a fresh reading.
 */
export function healthResponse(health: StoreHealth): Response {
  const body = { store: health.store, reachable: health.reachable };
  if (health.reachable) return Response.json(body, { status: 200, headers: { "Cache-Control": "no-store" } });
  return Response.json(body, {
    status: 503,
    headers: { "Cache-Control": "no-store", "Retry-After": String(health.retryAfterSeconds) },
  });
}

import "server-only";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

/**
 * The /api/bench routes exist for `npm run bench` only: unless BENCH_ROUTES=1,
 * each answers the same 404 as a path that does not exist.
 */
export function benchRoutesEnabled(): boolean {
  return env().benchRoutes;
}

export function benchRouteNotFound(): Response {
  return new ApiError(404, "not_found", "There is nothing at this address.").toResponse();
}

import { StoreUnavailableError } from "@/lib/store/errors";
import { ApiError } from "./api-error";

/**
 * Refuses state-changing requests that a browser says come from another
 * site. Browsers send Sec-Fetch-Site; older ones send Origin.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new ApiError(403, "cross_site", "This request came from another website and was refused.");
  }
  const origin = request.headers.get("origin");
  if (!site && origin && origin !== "null" && new URL(origin).host !== new URL(request.url).host) {
    throw new ApiError(403, "cross_site", "This request came from another website and was refused.");
  }
}

/** Turns anything thrown in a route into the API's error shape; no stack trace or store detail leaks. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return error.toResponse();
  if (error instanceof StoreUnavailableError) {
    return new ApiError(
      503,
      "store_unavailable",
      "The quiz service is briefly unavailable. Please try again in a few seconds.",
      undefined,
      { "Retry-After": String(error.retryAfterSeconds) },
    ).toResponse();
  }
  console.error("Unhandled error in route handler", error);
  return new ApiError(500, "internal_error", "Something went wrong on our side. Please try again.").toResponse();
}

type RouteContext<P> = { params: Promise<P> };

/** Wraps a route handler: origin check for writes, and one error mapping for everything. */
export function route<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

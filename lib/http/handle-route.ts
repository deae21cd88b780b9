import { PublicError } from "@/lib/public-error";
import { StoreUnavailableError } from "@/lib/store/errors";
import { ApiError } from "./api-error";
import { formErrorPage } from "./form-response";

/**
 * Refuses state-changing requests that a browser says come from another
 * site. Browsers send Sec-Fetch-Site; older ones send Origin.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite = site
    ? site !== "same-origin" && site !== "none"
    : // An Origin that is not a URL is no origin we serve: refused, not waved through.
      Boolean(origin && origin !== "null" && (!URL.canParse(origin) || new URL(origin).host !== request.headers.get("host")));
  if (crossSite) throw new ApiError(403, "cross_site", "This request came from another website and was refused.");
}

/** Anything thrown in a route, as the API's error; a bug becomes a bare 500 with no detail. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreUnavailableError) {
    const seconds = error.retryAfterSeconds;
    return new ApiError(
      503,
      "store_unavailable",
      `Scores and answers cannot be saved right now. Please try again in ${seconds} seconds.`,
      undefined,
      { "Retry-After": String(seconds) },
    );
  }
  if (error instanceof PublicError) return new ApiError(error.status, error.code, error.message);
  console.error("Unhandled error in route handler", error);
  return new ApiError(500, "internal_error", "Something went wrong on our side. Please try again.");
}

type RouteContext<P> = { params: Promise<P> };

interface RouteOptions<P> {
  /** Where a person who posted a plain HTML form should go after an error. */
  formErrorBack?: (params: P) => { href: string; label: string };
}

const isFormPost = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");

/**
 * Wraps a route handler: same-origin check for writes, and one error
 * mapping — JSON `{ error }` for scripts, a small page for plain forms.
 */
export function route<P = Record<string, never>>(
  handler: (request: Request, params: P) => Promise<Response>,
  options: RouteOptions<P> = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const params = await context.params;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      return await handler(request, params);
    } catch (error) {
      const apiError = toApiError(error);
      return options.formErrorBack && isFormPost(request)
        ? formErrorPage(apiError, options.formErrorBack(params))
        : apiError.toResponse();
    }
  };
}

import { PublicError } from "@/lib/public-error";
import { StoreUnavailableError } from "@/lib/store/errors";
import { refusedHref } from "@/lib/forms/refusal";
import { ApiError } from "./api-error";
import { seeOther } from "./form-response";
import { readBodyText } from "./parse-request";

/**
 * Refuses state-changing requests that a browser says come from another
 * site. Browsers send Sec-Fetch-Site; older ones send Origin.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite = site
    ? site !== "same-origin" && site !== "none"
    : // An Origin that is not a URL is no origin we serve: refused, not waved through. That includes
      // "null" (a sandboxed frame, a file, a cross-site redirect); our own pages' forms send their origin.
      Boolean(origin && (!URL.canParse(origin) || new URL(origin).host !== request.headers.get("host")));
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
  /**
   * The page of the form a person posted without JavaScript, to go back to
   * after a refusal (`form`: what they sent). It shows the form again with
   * the message beside the field (lib/forms/refusal.ts).
   */
  formErrorBack?: (params: P, form: URLSearchParams) => string;
  /** The fields of the form that page shows again as they were typed (never an answer or a key). */
  echo?: readonly string[];
}

const isFormPost = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");

/**
 * A refused plain form post: 303 back to the form's page, with the code,
 * the field at fault and the echoed values in its query. The copy is read
 * under the same limit as the handler's (a refusal that came before the
 * handler read the body must not read it whole), and a body too large to
 * read is not read again.
 */
async function refusedForm(error: ApiError, sent: Request, back: (form: URLSearchParams) => string, echo: readonly string[]): Promise<Response> {
  const form = new URLSearchParams(error.code === "body_too_large" ? "" : await readBodyText(sent).catch(() => ""));
  const echoed: Record<string, string> = {};
  for (const name of echo) {
    const value = form.get(name);
    if (value !== null) echoed[name] = value;
  }
  const field = Object.keys(error.fields ?? {}).find((name) => name !== "_");
  return seeOther(refusedHref(back(form), { code: error.code, field }, echoed));
}

/**
 * Wraps a route handler: same-origin check for writes, and one error
 * mapping — JSON `{ error }` for scripts, back to the form's page for plain forms.
 */
export function route<P = Record<string, never>>(
  handler: (request: Request, params: P) => Promise<Response>,
  options: RouteOptions<P> = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const params = await context.params;
    const { formErrorBack, echo = [] } = options;
    // The handler reads the body; a plain form's refusal reads it again to echo what was typed.
    const sent = formErrorBack && isFormPost(request) ? request.clone() : undefined;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      return await handler(request, params);
    } catch (error) {
      const apiError = toApiError(error);
      // Another site's form is not a person's mistake to correct on ours: it gets the bare refusal.
      const backToForm = formErrorBack && sent && apiError.code !== "cross_site";
      return backToForm ? refusedForm(apiError, sent, (form) => formErrorBack(params, form), echo) : apiError.toResponse();
    }
  };
}

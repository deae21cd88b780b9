import { StoreUnavailableError } from "@/lib/store";

/** 503 with Retry-After, in the JSON error shape every route uses. */
export function storeUnavailableResponse(error: StoreUnavailableError): Response {
  const seconds = error.retryAfterSeconds;
  return Response.json(
    {
      error: {
        code: "store_unavailable",
        message: `Scores and answers cannot be saved right now. Please try again in ${seconds} seconds.`,
      },
    },
    { status: 503, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } },
  );
}

/**
 * Wraps a route handler so that a store outage becomes a 503 the client can
 * act on; any other error propagates (a bug stays a 500, logged by Next.js).
 *
 *   export const POST = withStoreErrors(async (request) => { … });
 */
export function withStoreErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return storeUnavailableResponse(error);
      throw error;
    }
  };
}

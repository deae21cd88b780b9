import "./next-runtime";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { NextRequest } from "next/server";

/**
 * Calls an App Router route handler in-process the way Next's app-route
 * module does: inside a work store and a request store (so `cookies()`
 * from next/headers reads the request's Cookie header), with the
 * `{ params: Promise }` context, and with `notFound()` turned into a 404
 * as Next turns it. No server, no build: thousands of requests a second.
 */

export type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Response | Promise<Response>;

export async function callRoute<P>(page: string, handler: RouteHandler<P>, request: Request, params: P): Promise<Response> {
  const nextRequest = new NextRequest(request);
  const workStore = createWorkStore({
    page,
    renderOpts: { experimental: {}, cacheLifeProfiles: {}, isDraftMode: false } as never,
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as never);
  const requestStore = createRequestStoreForAPI(
    { headers: Object.fromEntries(nextRequest.headers) } as never,
    nextRequest.nextUrl,
    undefined as never,
    undefined,
    undefined,
    undefined,
  );
  try {
    return await workAsyncStorage.run(workStore, () =>
      workUnitAsyncStorage.run(requestStore, () => handler(nextRequest, { params: Promise.resolve(params) })),
    );
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return new Response(null, { status: getAccessFallbackHTTPStatus(error) });
    throw error;
  }
}

import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { storeOutageResponse } from "@/lib/http/store-gate";
import { createNonce, pagePolicy } from "@/lib/security/csp";
import { NOT_FOUND_ROUTE, prerenderedPages } from "@/lib/security/prerendered";
import { NOTHING_ALLOWED_POLICY } from "@/lib/security/response-headers.js";

/**
 * The Content-Security-Policy of each page. A prerendered page is served
 * as built, so its policy lists the hashes of its own inline scripts; any
 * other page is rendered now, so it gets a fresh nonce, which Next reads
 * from the request's policy and stamps on every script it emits. Either
 * way a script injected into the markup has neither and does not run.
 * The headers that are the same for every response are in next.config.js.
 */
export async function proxy(request: NextRequest) {
  // Pages are only read (there are no server actions): another method is refused rather than rendered.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new NextResponse("This method is not supported here.\n", {
      status: 405,
      headers: { Allow: "GET, HEAD", "Content-Security-Policy": NOTHING_ALLOWED_POLICY },
    });
  }
  // A page that needs the store is answered with the outage page (503) while the store is down.
  const outage = await storeOutageResponse(request.nextUrl.pathname);
  if (outage) return outage;
  const { development } = env();
  const pages = await prerenderedPages();
  // No hashes (built with `next build` alone; logged once): a weaker policy beats pages whose scripts are blocked.
  if (!pages) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", pagePolicy({ unsafeInline: true }, { development }));
    return response;
  }
  const prerendered = pages.get(request.nextUrl.pathname);
  if (prerendered) {
    const response = NextResponse.next();
    response.headers.set(
      "Content-Security-Policy",
      pagePolicy({ scriptHashes: prerendered.scripts, styleHashes: prerendered.styles }, { development }),
    );
    return response;
  }

  // Unknown paths are answered with the prerendered 404 page: allow its scripts too.
  const notFound = pages.get(NOT_FOUND_ROUTE);
  const policy = pagePolicy(
    { nonce: createNonce(), scriptHashes: notFound?.scripts, styleHashes: notFound?.styles },
    { development },
  );
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // API routes, share images and build assets are not pages: next.config.js gives them a policy that allows nothing.
  // Everything else passes, /favicon.ico and /_next/image included: there are none, and their 404 is a page.
  matcher: ["/((?!api/|og/|_next/static/).*)"],
};

import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, pagePolicy } from "@/lib/security/csp";
import { NOT_FOUND_ROUTE, prerenderedPages } from "@/lib/security/prerendered";

/**
 * The Content-Security-Policy of each page. A prerendered page is served
 * as built, so its policy lists the hashes of its own inline scripts; any
 * other page is rendered now, so it gets a fresh nonce, which Next reads
 * from the request's policy and stamps on every script it emits. Either
 * way a script injected into the markup has neither and does not run.
 * The headers that are the same for every response are in next.config.js.
 */
export async function proxy(request: NextRequest) {
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
  matcher: ["/((?!api/|og/|_next/static/|_next/image|favicon\\.ico).*)"],
};

import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { OUTAGE_PAGE } from "@/lib/security/build-hashes.mjs";
import { pagePolicy } from "@/lib/security/csp";
import { prerenderedPages } from "@/lib/security/prerendered";
import { getStore } from "@/lib/store";
import { storeAvailability } from "@/lib/store/availability";
import { OUTAGE_COPY } from "./outage-copy";

/**
 * Pages that read the store: the quiz, its results, practice, shares and
 * leaderboard, and the classroom's join, play and teacher pages. The
 * classroom's start page and the content pages never touch the store,
 * and API routes answer 503 themselves (lib/http/handle-route.ts).
 */
const STORE_PAGES = /^\/(?:quiz(?:\/|$)|classroom\/(?:join(?:\/|$)|play\/|host\/))/;

export const needsStore = (pathname: string): boolean => STORE_PAGES.test(pathname);

/**
 * While the store is unreachable, a page that needs it is answered with
 * the outage page: 503, Retry-After, never cached, readable without
 * JavaScript, at the address asked for. The proxy answers it itself,
 * because a page rendered by Next is always 200 (a rewrite's status is
 * dropped) and a render that fails is a 500 with a blank body.
 * Undefined when the page can be rendered.
 */
export async function storeOutageResponse(pathname: string): Promise<NextResponse | undefined> {
  if (!needsStore(pathname)) return undefined;
  const availability = await storeAvailability(async () => (await getStore()).ping());
  if (availability.up) return undefined;
  const { html, policy } = await outagePage();
  return new NextResponse(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": policy,
      "Retry-After": String(availability.retryAfterSeconds),
      "Cache-Control": "no-store",
    },
  });
}

/** Without the build output (`next dev`, a host that does not ship it): the same words, unstyled. */
const BARE_OUTAGE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  `<title>Briefly unavailable</title></head><body><main><h1>${OUTAGE_COPY.title}</h1><p>${OUTAGE_COPY.lede}</p>` +
  `<p><a href="">${OUTAGE_COPY.retry}</a></p></main></body></html>`;

/** The outage page (app/unavailable) as prerendered, from the hashes file `npm run build` ships with the proxy. */
async function outagePage(): Promise<{ html: string; policy: string }> {
  const { development } = env();
  const built = (await prerenderedPages())?.get(OUTAGE_PAGE);
  if (!built?.html) {
    if (!development) logMissingOnce();
    return { html: BARE_OUTAGE_PAGE, policy: pagePolicy({ scriptHashes: [], styleHashes: [] }, { development }) };
  }
  return { html: built.html, policy: pagePolicy({ scriptHashes: built.scripts, styleHashes: built.styles }, { development }) };
}

let missingLogged = false;
function logMissingOnce(): void {
  if (missingLogged) return;
  missingLogged = true;
  console.error(`No prerendered ${OUTAGE_PAGE} in the build's hashes file (build with \`npm run build\`): the outage page is unstyled`);
}

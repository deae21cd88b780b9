import { expect, type APIResponse, type Page } from "@playwright/test";
import { securityHeaderProblems, type ResponseKind } from "../support/security-headers";

/** Checks shared by the security crawls: the headers every response carries, and a page watched in a browser. */

/**
 * The response meets every rule of tests/support/security-headers.ts for
 * its kind: a page may run its own scripts (from this origin, or inline
 * with the nonce or a hash) and nothing else; anything else (JSON, CSV,
 * images) may run nothing at all.
 */
export function expectSecurityHeaders(label: string, response: APIResponse, kind: ResponseKind): void {
  // Every header as sent, repeats included: a header sent twice is a finding, not something to pick from.
  const headers = new Headers(response.headersArray().map(({ name, value }): [string, string] => [name, value]));
  expect(securityHeaderProblems(headers, kind), label).toEqual([]);
}

/**
 * Records, for every page the browser opens, what would show a broken or
 * leaky policy: CSP violations, uncaught errors (a page that failed to
 * hydrate), console errors, and requests that leave the site's origin.
 */
export async function watchPage(page: Page, origin: string): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    // A missing resource (the site has no favicon) is the link crawl's business, not the policy's.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource: the server responded with a status of 404")) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) {
      problems.push(`${page.url()}: third-party request to ${request.url()}`);
    }
  });
  return problems;
}

/** React has taken over the server's HTML: the page's scripts ran under the policy. */
export async function expectHydrated(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document).some((key) => key.startsWith("__reactContainer$"))), {
      message: `${page.url()} hydrates`,
    })
    .toBe(true);
}

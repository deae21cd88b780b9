import { expect, type APIResponse, type Page } from "@playwright/test";
import { parseCsp } from "../support/observatory";

/** Checks shared by the security crawls: the headers every response carries, and a page watched in a browser. */

const EVERY_RESPONSE: Record<string, RegExp> = {
  "strict-transport-security": /^max-age=63072000; includeSubDomains; preload$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "x-frame-options": /^DENY$/,
  "cross-origin-opener-policy": /^same-origin$/,
  "cross-origin-resource-policy": /^(same-origin|cross-origin)$/,
  "permissions-policy": /camera=\(\).*microphone=\(\)/,
};

/**
 * A page may run its own scripts (from this origin, or inline with the
 * nonce or a hash) and nothing else; anything else (JSON, CSV, images)
 * may run nothing at all.
 */
export function expectSecurityHeaders(label: string, response: APIResponse, kind: "page" | "resource"): void {
  const headers = response.headers();
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) {
    expect(headers[name], `${label}: ${name}`).toMatch(value);
  }
  const policy = parseCsp(headers["content-security-policy"] ?? "");
  expect(policy, `${label}: one parseable Content-Security-Policy`).not.toBeNull();
  const sources = (directive: string) => [...(policy?.get(directive) ?? [])];
  expect(sources("default-src"), label).toEqual(["'none'"]);
  expect(sources("frame-ancestors"), label).toEqual(["'none'"]);
  if (kind === "resource") {
    expect(sources("script-src"), label).toEqual([]);
    return;
  }
  const scripts = sources("script-src");
  expect(scripts, label).toContain("'self'");
  expect(scripts.some((source) => /^'(nonce|sha256)-/.test(source)), `${label}: a nonce or hashes`).toBe(true);
  expect(scripts.filter((source) => /unsafe|\*|^data:|^https?:$/.test(source)), label).toEqual([]);
  expect(sources("style-src").filter((source) => source.includes("unsafe")), label).toEqual([]);
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

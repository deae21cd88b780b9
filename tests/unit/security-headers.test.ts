import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { pagePolicy } from "@/lib/security/csp";
import { securityHeaderProblems, type ResponseKind } from "@/tests/support/security-headers";

/**
 * The rules of tests/support/security-headers.ts against the headers the
 * app really sets (next.config.js, and lib/security/csp.ts's page policy as
 * proxy.ts sends it), then one weakening at a time: each must be named.
 */

const nextConfig = createRequire(import.meta.url)("../../next.config.js") as NextConfig;

/** The headers next.config.js gives a path; for a header set by several rules, the later one wins, as in Next. */
async function configHeaders(path: string): Promise<Headers> {
  const headers = new Headers();
  for (const { source, headers: entries } of (await nextConfig.headers?.()) ?? []) {
    const prefix = source.replace(/\/:path\*$/, "");
    if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
    for (const { key, value } of entries) headers.set(key, value);
  }
  return headers;
}

async function served(path: string): Promise<Headers> {
  const headers = await configHeaders(path);
  // proxy.ts answers every page with a policy from pagePolicy: hashes for prerendered pages, a nonce for the rest.
  if (!path.startsWith("/api/") && !path.startsWith("/og/")) {
    headers.set("content-security-policy", pagePolicy({ nonce: "bm9uY2U=", scriptHashes: ["sha256-abc="] }));
  }
  return headers;
}

const EXAMPLES: [string, ResponseKind][] = [
  ["/", "page"],
  ["/quiz/play/1", "page"],
  ["/api/health", "resource"],
  ["/og/page/home", "share-image"],
];

describe("the headers the app sets", () => {
  it.each(EXAMPLES)("%s (%s) meets every rule", async (path, kind) => {
    expect(securityHeaderProblems(await served(path), kind)).toEqual([]);
  });

  it("names the rule a prerendered page's policy breaks when its hashes cannot be read", () => {
    const fallback = new Headers({ "content-security-policy": pagePolicy({ unsafeInline: true }) });
    expect(securityHeaderProblems(fallback, "page")).toContainEqual(expect.stringMatching(/^content-security-policy script-src: /));
  });
});

/** A response's headers weakened one way, and the rule (header, or policy directive) that must then be named. */
const WEAKENED: [string, ResponseKind, (headers: Headers) => void, string][] = [
  ["HSTS dropped", "page", (h) => h.delete("strict-transport-security"), "strict-transport-security"],
  ["HSTS for one year", "page", (h) => h.set("strict-transport-security", "max-age=31536000; includeSubDomains; preload"), "strict-transport-security"],
  ["HSTS without preload", "page", (h) => h.set("strict-transport-security", "max-age=63072000; includeSubDomains"), "strict-transport-security"],
  ["HSTS sent twice", "page", (h) => h.append("strict-transport-security", "max-age=63072000; includeSubDomains; preload"), "strict-transport-security"],
  ["nosniff dropped", "resource", (h) => h.delete("x-content-type-options"), "x-content-type-options"],
  ["a referrer sent with the full URL", "page", (h) => h.set("referrer-policy", "unsafe-url"), "referrer-policy"],
  ["framing allowed by the same origin", "page", (h) => h.set("x-frame-options", "SAMEORIGIN"), "x-frame-options"],
  ["COOP dropped", "page", (h) => h.delete("cross-origin-opener-policy"), "cross-origin-opener-policy"],
  ["a page any site may embed", "page", (h) => h.set("cross-origin-resource-policy", "cross-origin"), "cross-origin-resource-policy"],
  ["a share image only this site may show", "share-image", (h) => h.set("cross-origin-resource-policy", "same-origin"), "cross-origin-resource-policy"],
  ["the camera allowed", "page", (h) => h.set("permissions-policy", "microphone=(), geolocation=()"), "permissions-policy"],
  ["answers shared with every site", "resource", (h) => h.set("access-control-allow-origin", "*"), "access-control-allow-origin"],
  ["a cookie scripts can read", "resource", (h) => h.append("set-cookie", "token=1; Path=/; SameSite=Lax"), "set-cookie"],
  ["a cookie sent on cross-site posts", "resource", (h) => h.append("set-cookie", "token=1; Path=/; HttpOnly; SameSite=None"), "set-cookie"],
  ["no policy", "page", (h) => h.delete("content-security-policy"), "content-security-policy"],
  ["two policies", "page", (h) => h.append("content-security-policy", "default-src 'none'"), "content-security-policy"],
  ["a directive named twice", "page", (h) => h.set("content-security-policy", `${h.get("content-security-policy")}; object-src 'self'`), "content-security-policy"],
  ["inline scripts allowed", "page", (h) => h.set("content-security-policy", pagePolicy({ unsafeInline: true })), "content-security-policy script-src"],
  ["eval allowed", "page", (h) => h.set("content-security-policy", pagePolicy({ nonce: "bm9uY2U=" }, { development: true })), "content-security-policy script-src"],
  ["inline styles allowed", "page", (h) => replaceDirective(h, "style-src 'self' 'unsafe-inline'"), "content-security-policy style-src"],
  ["scripts from any https site", "page", (h) => replaceDirective(h, "script-src 'self' 'nonce-bm9uY2U=' https:"), "content-security-policy script-src"],
  ["scripts with neither nonce nor hash", "page", (h) => replaceDirective(h, "script-src 'self'"), "content-security-policy script-src"],
  ["a default that allows this origin", "page", (h) => replaceDirective(h, "default-src 'self'"), "content-security-policy default-src"],
  ["plugins allowed", "page", (h) => replaceDirective(h, "object-src 'self'"), "content-security-policy object-src"],
  ["no base-uri", "page", (h) => replaceDirective(h, "base-uri"), "content-security-policy base-uri"],
  ["forms posting to another site", "page", (h) => replaceDirective(h, "form-action 'self' https://elsewhere.example"), "content-security-policy form-action"],
  ["framing allowed by the policy", "page", (h) => replaceDirective(h, "frame-ancestors 'self'"), "content-security-policy frame-ancestors"],
  ["images from anywhere", "page", (h) => replaceDirective(h, "img-src *"), "content-security-policy"],
  ["images over plain http", "page", (h) => replaceDirective(h, "img-src 'self' http://images.example"), "content-security-policy"],
  ["a JSON answer that may run scripts", "resource", (h) => h.set("content-security-policy", `${h.get("content-security-policy")}; script-src 'self'`), "content-security-policy"],
];

/** Replaces (or, given only its name, removes) one directive of the policy. */
function replaceDirective(headers: Headers, directive: string): void {
  const name = directive.split(" ")[0] ?? "";
  const policy = (headers.get("content-security-policy") ?? "").split("; ").filter((entry) => !entry.startsWith(`${name} `));
  headers.set("content-security-policy", [...policy, ...(directive.includes(" ") ? [directive] : [])].join("; "));
}

const PATH_OF: Record<ResponseKind, string> = { page: "/", resource: "/api/health", "share-image": "/og/page/home" };

describe("securityHeaderProblems", () => {
  it.each(WEAKENED)("names %s", async (_change, kind, weaken, header) => {
    const headers = await served(PATH_OF[kind]);
    weaken(headers);
    expect(securityHeaderProblems(headers, kind)).toContainEqual(expect.stringMatching(new RegExp(`^${header}: `)));
  });

  it("says what it wanted and what it got", async () => {
    const headers = await served("/");
    headers.set("x-frame-options", "SAMEORIGIN");
    headers.delete("cross-origin-opener-policy");
    expect(securityHeaderProblems(headers, "page")).toEqual([
      'x-frame-options: DENY (got "SAMEORIGIN")',
      "cross-origin-opener-policy: same-origin (missing)",
    ]);
  });
});

/**
 * The security headers the site's responses must carry, as a plain list of
 * rules, and a checker that names the rules a response breaks. They are
 * what next.config.js and proxy.ts (with lib/security/csp.ts) set, and
 * cover everything Mozilla's HTTP Observatory checks of an app's responses
 * (CSP, framing, HSTS, nosniff, referrer policy, CORP, cookies, CORS).
 * HTTPS itself and the http→https redirect are the host's, not the app's,
 * and the local test server has neither: they are not checked here.
 */

/**
 * Pages run their own scripts; resources (JSON, CSV, the export) load and
 * run nothing; share images are resources that other sites may also show.
 */
export type ResponseKind = "page" | "resource" | "share-image";

/** Directive → lower-cased sources. */
export type Csp = Map<string, Set<string>>;

interface HeaderRule {
  header: string;
  /** What the header must say, as the checker reports it. */
  requires: string;
  /** The kinds of response the rule is for; every kind when absent. */
  only?: readonly ResponseKind[];
  /** Whether the value (null when the header is missing) meets the rule. */
  test: (value: string | null, headers: Headers) => boolean;
}

interface PolicyRule {
  /** The directive the rule reads, for the report; null when it reads them all. */
  directive: string | null;
  requires: string;
  only?: readonly ResponseKind[];
  test: (csp: Csp) => boolean;
}

const TWO_YEARS = 63_072_000;

/** Off for the site and anything it embeds (next.config.js): the site uses none of them. */
export const FEATURES_TURNED_OFF = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
] as const;

const oneOf =
  (...allowed: string[]) =>
  (value: string | null) =>
    value !== null && allowed.includes(value.trim().toLowerCase());

function hstsHolds(value: string | null): boolean {
  // A comma means the header was sent twice; browsers then ignore it.
  if (!value || value.includes(",")) return false;
  const parts = value.split(";").map((part) => part.trim().toLowerCase());
  const maxAge = Number(parts.find((part) => part.startsWith("max-age="))?.slice("max-age=".length));
  return maxAge >= TWO_YEARS && parts.includes("includesubdomains") && parts.includes("preload");
}

function featuresOff(value: string | null): boolean {
  const off = new Set((value ?? "").split(",").map((entry) => entry.replace(/\s+/g, "")));
  return FEATURES_TURNED_OFF.every((feature) => off.has(`${feature}=()`));
}

function cookiesLocked(_value: string | null, headers: Headers): boolean {
  const attributes = (cookie: string) => cookie.split(";").map((part) => part.trim().toLowerCase());
  return headers
    .getSetCookie()
    .map(attributes)
    .every((parts) => parts.includes("httponly") && (parts.includes("samesite=lax") || parts.includes("samesite=strict")));
}

/** Every header rule, in the order they are reported. */
export const HEADER_RULES: readonly HeaderRule[] = [
  {
    header: "strict-transport-security",
    requires: "max-age of two years or more, includeSubDomains and preload, sent once",
    test: hstsHolds,
  },
  { header: "x-content-type-options", requires: "nosniff", test: oneOf("nosniff") },
  {
    header: "referrer-policy",
    requires: "a policy that sends no path to other sites (strict-origin-when-cross-origin, or stricter)",
    test: oneOf("strict-origin-when-cross-origin", "strict-origin", "same-origin", "no-referrer"),
  },
  { header: "x-frame-options", requires: "DENY", test: oneOf("deny") },
  { header: "cross-origin-opener-policy", requires: "same-origin", test: oneOf("same-origin") },
  {
    header: "cross-origin-resource-policy",
    requires: "same-origin",
    only: ["page", "resource"],
    test: oneOf("same-origin"),
  },
  {
    header: "cross-origin-resource-policy",
    requires: "cross-origin, so link previews on other sites can show the image",
    only: ["share-image"],
    test: oneOf("cross-origin"),
  },
  { header: "permissions-policy", requires: `${FEATURES_TURNED_OFF.join("=(), ")}=() all off`, test: featuresOff },
  {
    header: "access-control-allow-origin",
    requires: "absent: no answer is shared with scripts of other sites",
    test: (value) => value === null,
  },
  { header: "set-cookie", requires: "every cookie HttpOnly and SameSite=Lax or Strict", test: cookiesLocked },
];

const NONE = "'none'";
const isNonceOrHash = (source: string) => /^'(nonce|sha256|sha384|sha512)-/.test(source);
/** Sources that let in any host (a wildcard, a whole web scheme) or content over plain http or ftp. */
const isBroadOrInsecure = (source: string) =>
  source.includes("*") || ["http:", "https:", "ftp:"].includes(source) || /^(http|ftp):\/\//.test(source);
const only = (sources: Set<string> | undefined, ...allowed: string[]) =>
  sources !== undefined && sources.size > 0 && [...sources].every((source) => allowed.includes(source));
/** A fetch directive's sources, or default-src's when the policy leaves it out (as browsers read it). */
const effective = (csp: Csp, directive: string) => csp.get(directive) ?? csp.get("default-src");
/** 'self' and nothing but nonces and hashes beside it. */
const selfAndInlineByNonceOrHash = (sources: Set<string> | undefined) =>
  sources !== undefined && sources.has("'self'") && [...sources].every((source) => source === "'self'" || isNonceOrHash(source));

/** Every Content-Security-Policy rule, in the order they are reported. */
export const POLICY_RULES: readonly PolicyRule[] = [
  { directive: "default-src", requires: "'none': anything not listed is refused", test: (csp) => only(csp.get("default-src"), NONE) },
  { directive: "object-src", requires: "'none' (itself or through default-src)", test: (csp) => only(effective(csp, "object-src"), NONE) },
  { directive: "base-uri", requires: "'none'", test: (csp) => only(csp.get("base-uri"), NONE) },
  { directive: "form-action", requires: "'self' or 'none'", test: (csp) => only(csp.get("form-action"), "'self'") || only(csp.get("form-action"), NONE) },
  { directive: "frame-ancestors", requires: "'none'", test: (csp) => only(csp.get("frame-ancestors"), NONE) },
  {
    directive: null,
    requires: "no wildcard, no http:, https: or ftp: as a whole, no http:// address, in any directive",
    test: (csp) => [...csp.values()].every((sources) => ![...sources].some(isBroadOrInsecure)),
  },
  {
    directive: "script-src",
    requires: "'self' and a nonce or hashes, nothing else (no 'unsafe-inline', 'unsafe-eval', hosts or schemes)",
    only: ["page"],
    test: (csp) => {
      const scripts = csp.get("script-src");
      return selfAndInlineByNonceOrHash(scripts) && [...(scripts ?? [])].some(isNonceOrHash);
    },
  },
  {
    directive: "style-src",
    requires: "'self', nonces and hashes only (no 'unsafe-inline')",
    only: ["page"],
    test: (csp) => selfAndInlineByNonceOrHash(csp.get("style-src")),
  },
  {
    directive: null,
    requires: "no fetch directive but default-src 'none': the response loads and runs nothing",
    only: ["resource", "share-image"],
    test: (csp) => [...csp.keys()].every((directive) => directive === "default-src" || !directive.endsWith("-src")),
  },
];

/**
 * Parses one policy, as a browser would enforce it; null when there is
 * none, it holds several policies (comma-joined headers) or names a
 * directive twice.
 */
export function parseCsp(header: string): Csp | null {
  if (header.includes(",")) return null;
  const csp: Csp = new Map();
  for (const entry of header.split(";")) {
    const [name, ...sources] = entry.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (csp.has(directive)) return null;
    const values = sources.map((source) => source.toLowerCase());
    csp.set(directive, new Set(values.length === 0 && directive.endsWith("-src") ? [NONE] : values));
  }
  return csp.size > 0 ? csp : null;
}

const applies = (rule: { only?: readonly ResponseKind[] }, kind: ResponseKind) => !rule.only || rule.only.includes(kind);
const describeValue = (value: string | null) => (value === null ? "missing" : `got ${JSON.stringify(value)}`);

/**
 * The rules a response of this kind breaks, one line each ("header:
 * what it must say (what it said)"); empty when it meets them all.
 */
export function securityHeaderProblems(headers: Headers, kind: ResponseKind): string[] {
  const problems = HEADER_RULES.filter((rule) => applies(rule, kind))
    .filter((rule) => !rule.test(headers.get(rule.header), headers))
    .map((rule) => `${rule.header}: ${rule.requires} (${describeValue(headers.get(rule.header))})`);

  const header = headers.get("content-security-policy");
  const csp = parseCsp(header ?? "");
  if (!csp) {
    return [...problems, `content-security-policy: one policy, each directive once (${describeValue(header)})`];
  }
  for (const rule of POLICY_RULES.filter((policyRule) => applies(policyRule, kind))) {
    if (rule.test(csp)) continue;
    if (rule.directive === null) {
      problems.push(`content-security-policy: ${rule.requires} (${describeValue(header)})`);
      continue;
    }
    const sources = csp.get(rule.directive);
    const said = sources ? `got ${[rule.directive, ...sources].join(" ")}` : "missing";
    problems.push(`content-security-policy ${rule.directive}: ${rule.requires} (${said})`);
  }
  return problems;
}

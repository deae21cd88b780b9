/**
 * Mozilla's HTTP Observatory (v2) scoring, from its published rules and
 * source (github.com/mdn/mdn-http-observatory: src/analyzer/tests/*.js,
 * src/grader/charts.js, src/scanner/index.js), applied to one response.
 * There is no internet here, so the scan runs against the local server;
 * what only a deployment can show is an explicit input (`Deployment`).
 */

export interface ScannedResponse {
  headers: Headers;
  /** The page body, for the script tags the SRI test reads. */
  html: string;
  /** The response to the same URL fetched with an `Origin` of another site (the CORS test). */
  corsHeaders: Headers;
}

/** What the Observatory sees of the deployment, not of the app: TLS and the http→https redirect. */
export interface Deployment {
  https: boolean;
  redirectsHttpToHttps: boolean;
  /** On the browsers' HSTS preload list (hstspreload.org); the list is not reachable from here. */
  hstsPreloaded: boolean;
}

export interface TestResult {
  test: string;
  result: string;
  modifier: number;
}

export interface ObservatoryScore {
  score: number;
  grade: string;
  tests: TestResult[];
}

const DANGEROUSLY_BROAD = new Set(["ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"]);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", "data:"]);
const isBroadOrInline = (source: string) => DANGEROUSLY_BROAD.has(source) || UNSAFE_INLINE.has(source);
const isNonceOrHash = (source: string) => /^'(sha256|sha384|sha512|nonce)-/.test(source);

/** Directive → lower-cased sources, as the Observatory parses it; null when it cannot be parsed. */
export function parseCsp(header: string): Map<string, Set<string>> | null {
  const csp = new Map<string, Set<string>>();
  for (const entry of header.split(";")) {
    const [name, ...sources] = entry.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (csp.has(directive)) return null;
    const values = sources.map((source) => source.toLowerCase());
    csp.set(directive, new Set(values.length === 0 && directive.endsWith("-src") ? ["'none'"] : values));
  }
  return csp.size > 0 ? csp : null;
}

function cspTest(headers: Headers, https: boolean): { result: string; csp: Map<string, Set<string>> | null } {
  const header = headers.get("content-security-policy");
  if (!header) return { result: "csp-not-implemented", csp: null };
  // Several policies arrive comma-joined; the Observatory combines them, we only ever send one.
  if (header.includes(",")) return { result: "csp-header-invalid", csp: null };
  const csp = parseCsp(header);
  if (!csp) return { result: "csp-header-invalid", csp: null };

  const any = new Set(["*"]);
  const script = new Set(csp.get("script-src") ?? csp.get("default-src") ?? any);
  const style = new Set(csp.get("style-src") ?? csp.get("default-src") ?? any);
  const object = csp.get("object-src") ?? csp.get("default-src") ?? any;
  for (const sources of [script, style]) {
    if ([...sources].some(isNonceOrHash)) sources.delete("'unsafe-inline'");
  }
  if (script.has("'strict-dynamic'")) {
    if (![...script].some(isNonceOrHash)) return { result: "csp-header-invalid", csp };
    for (const source of script) {
      if ([...DANGEROUSLY_BROAD].some((broad) => source.startsWith(broad)) || source === "'self'") script.delete(source);
    }
  }
  const passive = new Set(["img-src", "media-src"]);
  const active = [...csp].filter(([name]) => !passive.has(name) && name !== "script-src").flatMap(([, s]) => [...s]);
  active.push(...script);
  const passiveSources = [...passive].flatMap((name) => [...(csp.get(name) ?? csp.get("default-src") ?? [])]);
  const insecure = (source: string) => source.startsWith("http:") || source.startsWith("ftp:");

  let result: string;
  if ([...script].some(isBroadOrInline) || [...object].some((s) => DANGEROUSLY_BROAD.has(s))) {
    result = "csp-implemented-with-unsafe-inline";
  } else if (https && active.some(insecure)) {
    result = "csp-implemented-with-insecure-scheme";
  } else if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")) {
    result = "csp-implemented-with-unsafe-eval";
  } else if (https && passiveSources.some(insecure)) {
    result = "csp-implemented-with-insecure-scheme-in-passive-content-only";
  } else if ([...style].some(isBroadOrInline)) {
    result = "csp-implemented-with-unsafe-inline-in-style-src-only";
  } else {
    const defaultSrc = csp.get("default-src");
    result =
      defaultSrc?.has("'none'") && defaultSrc.size === 1
        ? "csp-implemented-with-no-unsafe-default-src-none"
        : "csp-implemented-with-no-unsafe";
  }
  return { result, csp };
}

function cookiesTest(headers: Headers): string {
  const cookies = headers.getSetCookie();
  if (cookies.length === 0) return "cookies-not-found";
  const has = (cookie: string, flag: string) => cookie.toLowerCase().split(";").some((part) => part.trim().startsWith(flag));
  if (!cookies.every((cookie) => has(cookie, "secure"))) return "cookies-without-secure-flag";
  if (!cookies.every((cookie) => has(cookie, "httponly"))) return "cookies-session-without-httponly-flag";
  return cookies.every((cookie) => /samesite=(strict|lax)/i.test(cookie))
    ? "cookies-secure-with-httponly-sessions-and-samesite"
    : "cookies-secure-with-httponly-sessions";
}

function corsTest(cors: Headers): string {
  const allowOrigin = cors.get("access-control-allow-origin");
  if (!allowOrigin) return "cross-origin-resource-sharing-not-implemented";
  if (allowOrigin.trim() === "*") return "cross-origin-resource-sharing-implemented-with-public-access";
  return cors.get("access-control-allow-credentials")?.trim().toLowerCase() === "true"
    ? "cross-origin-resource-sharing-implemented-with-universal-access"
    : "cross-origin-resource-sharing-implemented-with-restricted-access";
}

function referrerTest(headers: Headers): string {
  const header = headers.get("referrer-policy");
  if (!header) return "referrer-policy-not-implemented";
  const good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
  const bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"];
  const policy = header
    .split(",")
    .map((value) => value.trim().toLowerCase())
    .filter((value) => good.includes(value) || bad.includes(value))
    .at(-1);
  if (policy === undefined) return "referrer-policy-header-invalid";
  return good.includes(policy) ? "referrer-policy-private" : "referrer-policy-unsafe";
}

function hstsTest(headers: Headers, deployment: Deployment): string {
  if (!deployment.https) return "hsts-not-implemented-no-https";
  if (deployment.hstsPreloaded) return "hsts-preloaded";
  const header = headers.get("strict-transport-security");
  if (!header) return "hsts-not-implemented";
  const maxAge = /(?:^|;)\s*max-age=(\d+)/i.exec(header)?.[1];
  if (header.includes(",") || maxAge === undefined) return "hsts-header-invalid";
  return Number(maxAge) >= 15_552_000
    ? "hsts-implemented-max-age-at-least-six-months"
    : "hsts-implemented-max-age-less-than-six-months";
}

function sriTest(headers: Headers, html: string, https: boolean): string {
  if (!(headers.get("content-type") ?? "").startsWith("text/html")) return "sri-not-implemented-response-not-html";
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => match[1] ?? "");
  if (scripts.length === 0) return "sri-not-implemented-but-no-scripts-loaded";
  const external = scripts.filter((attributes) => /\ssrc=["']?(https?:)?\/\//i.test(attributes));
  if (external.length > 0) {
    // Every script of this site is served from its own origin; a foreign one is a finding in itself.
    return "sri-not-implemented-but-external-scripts-loaded-securely";
  }
  const local = scripts.filter((attributes) => /\ssrc=/i.test(attributes));
  return https && local.length > 0 && local.every((attributes) => /\sintegrity=/i.test(attributes))
    ? "sri-implemented-and-all-scripts-loaded-securely"
    : "sri-not-implemented-but-all-scripts-loaded-from-secure-origin";
}

function xContentTypeOptionsTest(headers: Headers): string {
  const header = headers.get("x-content-type-options");
  if (!header) return "x-content-type-options-not-implemented";
  return header.trim().toLowerCase() === "nosniff" ? "x-content-type-options-nosniff" : "x-content-type-options-header-invalid";
}

function xFrameOptionsTest(headers: Headers, csp: Map<string, Set<string>> | null): string {
  if (csp?.has("frame-ancestors")) return "x-frame-options-implemented-via-csp";
  const header = headers.get("x-frame-options")?.trim().toLowerCase();
  if (!header) return "x-frame-options-not-implemented";
  if (header === "deny" || header === "sameorigin") return "x-frame-options-sameorigin-or-deny";
  return header.startsWith("allow-from") ? "x-frame-options-allow-from-origin" : "x-frame-options-header-invalid";
}

function corpTest(headers: Headers): string {
  const header = headers.get("cross-origin-resource-policy")?.trim().toLowerCase();
  if (!header) return "cross-origin-resource-policy-not-implemented";
  const results: Record<string, string> = {
    "same-site": "cross-origin-resource-policy-implemented-with-same-site",
    "same-origin": "cross-origin-resource-policy-implemented-with-same-origin",
    "cross-origin": "cross-origin-resource-policy-implemented-with-cross-origin",
  };
  return results[header] ?? "cross-origin-resource-policy-header-invalid";
}

/** Score modifiers from src/grader/charts.js (SCORE_TABLE); any result not listed scores 0. */
const MODIFIERS: Record<string, number> = {
  "csp-implemented-with-no-unsafe-default-src-none": 10,
  "csp-implemented-with-no-unsafe": 5,
  "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
  "csp-implemented-with-unsafe-eval": -10,
  "csp-implemented-with-unsafe-inline": -20,
  "csp-implemented-with-insecure-scheme": -20,
  "csp-header-invalid": -25,
  "csp-not-implemented": -25,
  "cookies-secure-with-httponly-sessions-and-samesite": 5,
  "cookies-without-secure-flag": -20,
  "cookies-session-without-httponly-flag": -30,
  "cross-origin-resource-sharing-implemented-with-universal-access": -50,
  "redirection-missing": -20,
  "referrer-policy-private": 5,
  "referrer-policy-unsafe": -5,
  "referrer-policy-header-invalid": -5,
  "hsts-preloaded": 5,
  "hsts-implemented-max-age-less-than-six-months": -10,
  "hsts-not-implemented": -20,
  "hsts-header-invalid": -20,
  "hsts-not-implemented-no-https": -20,
  "sri-implemented-and-all-scripts-loaded-securely": 5,
  "sri-not-implemented-but-external-scripts-loaded-securely": -5,
  "x-content-type-options-not-implemented": -5,
  "x-content-type-options-header-invalid": -5,
  "x-frame-options-implemented-via-csp": 5,
  "x-frame-options-not-implemented": -20,
  "x-frame-options-header-invalid": -20,
  "cross-origin-resource-policy-implemented-with-same-origin": 10,
  "cross-origin-resource-policy-implemented-with-same-site": 10,
  "cross-origin-resource-policy-header-invalid": -5,
};

const GRADES: [number, string][] = [
  [100, "A+"], [90, "A"], [85, "A-"], [80, "B+"], [70, "B"], [65, "B-"], [60, "C+"], [50, "C"], [45, "C-"],
  [40, "D+"], [30, "D"], [25, "D-"], [0, "F"],
];

/** Bonuses only count once the score without them is an A (src/scanner/index.js). */
const MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

export function observatoryScore(response: ScannedResponse, deployment: Deployment): ObservatoryScore {
  const { headers } = response;
  const csp = cspTest(headers, deployment.https);
  const results: [string, string][] = [
    ["content-security-policy", csp.result],
    ["cookies", cookiesTest(headers)],
    ["cross-origin-resource-sharing", corsTest(response.corsHeaders)],
    ["redirection", deployment.redirectsHttpToHttps ? "redirection-to-https" : "redirection-missing"],
    ["referrer-policy", referrerTest(headers)],
    ["strict-transport-security", hstsTest(headers, deployment)],
    ["subresource-integrity", sriTest(headers, response.html, deployment.https)],
    ["x-content-type-options", xContentTypeOptionsTest(headers)],
    ["x-frame-options", xFrameOptionsTest(headers, csp.csp)],
    ["cross-origin-resource-policy", corpTest(headers)],
  ];
  const tests = results.map(([test, result]) => ({ test, result, modifier: MODIFIERS[result] ?? 0 }));
  const penalties = 100 + tests.reduce((sum, { modifier }) => sum + Math.min(modifier, 0), 0);
  const withBonuses = 100 + tests.reduce((sum, { modifier }) => sum + modifier, 0);
  const score = Math.max(penalties >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonuses : penalties, 0);
  const grade = GRADES.find(([floor]) => score - (score % 5) >= floor)?.[1] ?? "F";
  return { score, grade, tests };
}

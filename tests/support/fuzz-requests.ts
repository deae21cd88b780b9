import fc from "fast-check";
import { expect } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES } from "@/lib/http/parse-request";

/**
 * Malformed requests for the route fuzz tests (tests/unit/fuzz-*.test.ts):
 * bodies built from a route's valid body with things wrong in them, and the
 * checks every refusal must pass. A request carries the list of what is
 * wrong with it; `certain` says whether any of those faults must be refused
 * whatever the rest holds (an unknown field, a missing one, bad JSON…). A
 * junk value alone may happen to be valid (`false` coerces to 0, a timer
 * choice), so for those the test checks that an accepted body is one the
 * route's schema accepts.
 */

export const ORIGIN = "http://localhost:3000";

/** Values of the wrong type, shape or size, and strings known to break naive code. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  // Any UTF-16 unit, lone surrogates and control characters included (`unit: "binary"` costs seconds to build).
  fc.array(fc.nat({ max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e\u200b",
    "💥".repeat(300),
    "x".repeat(MAX_BODY_BYTES + 10),
    "a".repeat(600),
    "../../../etc/passwd",
    "..%2F..%2F",
    "<script>alert(1)</script>",
    "NaN",
    "-1",
    "1e309",
    "Infinity",
    "__proto__",
    "constructor",
    "{}",
    "[]",
  ),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
);

/** Names no schema knows, prototype-pollution keys first. */
const unknownKey = (known: readonly string[]) =>
  fc
    .oneof(
      {
        arbitrary: fc.constantFrom("__proto__", "__proto__.0", "constructor", "constructor.prototype", "prototype", "toString", "hasOwnProperty", "isAdmin", "score", ""),
        weight: 3,
      },
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }),
    )
    // `answer.0`… is how a form posts an array, so those are not unknown.
    .filter((key) => !known.some((name) => key === name || new RegExp(`^${name}\\.\\d{1,2}$`).test(key)));

export type Entries = [key: string, value: unknown][];

/**
 * JSON text for entries, written out by hand: an object literal with a
 * `__proto__` key would set the prototype instead of making a field.
 */
export const jsonText = (entries: Entries) =>
  `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;

const formValue = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "");

/** A form body: arrays become repeated fields, as a browser posts them. */
export function formText(entries: Entries): string {
  const form = new URLSearchParams();
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) && value.length > 0 ? value : [value]) form.append(key, formValue(item));
  }
  return form.toString();
}

/** What the route's parser makes of a form body built by `formText`, for checking accepted bodies against the schema. */
export function formObject(entries: Entries): Record<string, unknown> {
  const form = new URLSearchParams(formText(entries));
  return Object.fromEntries([...new Set(form.keys())].map((key) => {
    const values = form.getAll(key);
    return [key, values.length === 1 ? values[0] : values];
  }));
}

export type Fault =
  | "unknown-field"
  | "missing-field"
  | "junk-value"
  | "invalid-json"
  | "content-type"
  | "oversized"
  | "cross-site";

/** Faults that make any request wrong, whatever else it holds. */
const CERTAIN: ReadonlySet<Fault> = new Set(["unknown-field", "missing-field", "invalid-json", "content-type", "oversized", "cross-site"]);

export interface Maybe<T> {
  value: T;
  /** False when this value alone makes the request wrong. */
  valid: boolean;
}

export interface WriteRoute<P> {
  /** The route's URL for these params (the handler reads only its query). */
  url: (params: P) => string;
  params: fc.Arbitrary<Maybe<P>>;
  /** A body the route would accept (before faults), as entries. */
  body: fc.Arbitrary<Entries>;
  required: readonly string[];
  known: readonly string[];
  /** The cookie the route reads a credential from, if any. */
  cookie?: CookieSlot<P>;
  /** A wrong credential is a certain fault only where one is required (joining works without). */
  credentialRequired?: boolean;
}

export interface FuzzRequest<P> {
  request: Request;
  params: P;
  faults: Fault[];
  /** Whether the route must refuse it (a certain fault, a wrong id, a wrong required credential). */
  certain: boolean;
  format: "json" | "form" | "other";
  /** The body as the route's parser sees it, when it parses. */
  parsed: unknown;
  /** What was sent, for the counterexample fast-check prints (a Request prints as [object Request]). */
  sent: { method: string; url: string; headers: Record<string, string>; body: string };
}

/** Query strings: empty, plausible, junk, huge, with repeated and unknown keys. */
export const junkQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom("v", "key", "__proto__", "constructor"), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom("", "-1", "0", "1e309", "NaN", "x".repeat(3000)))), { maxLength: 4 }).map(
    (pairs) => new URLSearchParams(pairs).toString(),
  ),
  fc.string({ maxLength: 40 }).map((text) => encodeURIComponent(text)),
);

/** Client addresses and forwarding headers, plausible and not. */
const forwardedFor = fc.option(
  fc.oneof(
    fc.constantFrom("203.0.113.9", "2001:db8::1", "::ffff:10.0.0.1", ":::::::", "unknown", "1.1.1.1, 2.2.2.2", "%zz", "[::1]:80"),
    fc.ipV4(),
    fc.ipV6(),
    fc.string({ maxLength: 50 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
  ),
  { nil: undefined },
);

/** Strings that are not a header value browsers send (Headers refuses control characters, so those stay out). */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, "?");

const junkCookie = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("", "a", "=", ";;;", "classroom_player_=x", "__proto__=1", "a=" + "b".repeat(4000)),
  fc.string({ maxLength: 60 }),
);

/** The cookie a route reads for these params, and the value that would be right. */
export type CookieSlot<P> = (params: P) => { name: string; credential: string };

type CookiePlan = (name: string, credential: string) => Maybe<string | undefined>;

/**
 * A Cookie header that is either the right credential, or not: a plan
 * applied to the drawn params, so no arbitrary is built per request (that
 * grows fast-check's caches and slows every run after it).
 */
const cookiePlan: fc.Arbitrary<CookiePlan> = fc.oneof(
  { arbitrary: fc.constant<CookiePlan>((name, credential) => ({ value: `${name}=${credential}`, valid: true })), weight: 2 },
  junkCookie.map((value): CookiePlan => () => ({ value, valid: false })),
  fc.string({ maxLength: 64 }).map((junk): CookiePlan => (name) => ({ value: `${name}=${junk}`, valid: false })),
  fc.constant<CookiePlan>((name, credential) => ({ value: `${name}=${credential.slice(0, -1)}`, valid: false })),
  fc.constant<CookiePlan>((name, credential) => ({ value: `other=1; ${name}=${credential}x`, valid: false })),
);

function cookieHeader<P>(slot: CookieSlot<P> | undefined, plan: CookiePlan, params: P): Maybe<string | undefined> {
  if (!slot) return { value: undefined, valid: true };
  const { name, credential } = slot(params);
  const cookie = plan(name, credential);
  // Browsers send bytes; a header holds Latin-1 at most (a session id from the fuzzer may not).
  return { value: cookie.value === undefined ? undefined : headerSafe(cookie.value), valid: cookie.valid };
}

/**
 * Strings from a set of characters. Not `fc.string({ unit })`: that
 * precomputes "dangerous" strings for each new unit, about a second a time.
 */
export const stringOf = (characters: fc.Arbitrary<string>, minLength: number, maxLength: number) =>
  fc.array(characters, { minLength, maxLength }).map((list) => list.join(""));

/** The characters of our ids (base64url). */
const ID_CHARACTERS = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

/**
 * An id param: the real one, or something else of every shape. `odds` is
 * real : other (3 : 1 by default, so faults meet a real record; share
 * images take 1 : 499, as each real one is a second of drawing).
 */
export function idParam(real: string, length: number, odds: [number, number] = [3, 1]): fc.Arbitrary<Maybe<string>> {
  return fc.oneof(
    { arbitrary: fc.constant({ value: real, valid: true }), weight: odds[0] },
    {
      weight: odds[1],
      arbitrary: fc
      .oneof(
        stringOf(ID_CHARACTERS, length, length),
        fc.string({ maxLength: 80 }),
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.constantFrom("", ".", "..", "../../etc/passwd", "..%2f..%2f", "%00", "null", "undefined", "__proto__", real + "x", real.slice(1), real.toUpperCase(), "x".repeat(5000)),
        fc.tuple(fc.nat({ max: length - 1 }), ID_CHARACTERS).map(([at, char]) => real.slice(0, at) + char + real.slice(at + 1)),
      )
      .filter((value) => value !== real)
      .map((value) => ({ value, valid: false })),
    },
  );
}

const CONTENT_TYPES_WRONG = ["text/plain", "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "json", "*/*", "", "application/json-patch+json"];

/**
 * A write request to `route` with at least one fault in its body or
 * headers, to a real or wrong id, with a right or wrong credential.
 */
export function faultyWrite<P>(route: WriteRoute<P>): fc.Arbitrary<FuzzRequest<P>> {
  const faults: Fault[] = ["unknown-field", "junk-value", "invalid-json", "content-type", "oversized", "cross-site"];
  if (route.required.length > 0) faults.push("missing-field");
  return fc
    .record({
      faults: fc.subarray(faults, { minLength: 1, maxLength: 3 }),
      params: route.params,
      body: route.body,
      form: fc.boolean(),
      extra: fc.array(fc.tuple(unknownKey(route.known), junkValue), { minLength: 1, maxLength: 3 }),
      junk: fc.tuple(fc.nat(), junkValue),
      missing: fc.nat(),
      badJson: fc.oneof(fc.constantFrom("", "{", "{'a':1}", "[1,", "nul", "\u0000", "{}}", '{"a":}'), fc.string({ maxLength: 40 })),
      wrongType: fc.oneof(fc.constantFrom(...CONTENT_TYPES_WRONG), fc.constant(undefined)),
      jsonType: fc.constantFrom("application/json", "application/json; charset=utf-8", "Application/JSON"),
      crossSite: fc.constantFrom<Record<string, string>>(
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
        { origin: "https://evil.example" },
        { origin: "http://localhost:3000.evil.example" },
      ),
      forwarded: forwardedFor,
      method: fc.constantFrom("POST", "POST", "POST", "PUT", "PATCH", "DELETE"),
      query: junkQuery,
      lieAboutLength: fc.boolean(),
      cookie: cookiePlan,
    })
    .map((draw) => {
      const has = (fault: Fault) => draw.faults.includes(fault);
      let entries: Entries = [...draw.body];
      if (has("missing-field")) {
        const name = route.required[draw.missing % route.required.length];
        entries = entries.filter(([key]) => key !== name);
      }
      if (has("junk-value") && entries.length > 0) {
        const at = draw.junk[0] % entries.length;
        entries = entries.map((entry, i) => (i === at ? [entry[0], draw.junk[1]] : entry));
      }
      if (has("unknown-field")) entries = [...entries, ...draw.extra];

      const format: FuzzRequest<P>["format"] = has("content-type") ? "other" : draw.form && !has("invalid-json") ? "form" : "json";
      let text = format === "form" ? formText(entries) : has("invalid-json") ? draw.badJson : jsonText(entries);
      if (has("oversized") && !draw.lieAboutLength) text += " ".repeat(MAX_BODY_BYTES + 1);
      const headers = new Headers({ host: new URL(ORIGIN).host, origin: ORIGIN, "sec-fetch-site": "same-origin" });
      if (format === "form") headers.set("content-type", "application/x-www-form-urlencoded");
      else if (format === "json") headers.set("content-type", draw.jsonType);
      else if (draw.wrongType !== undefined) headers.set("content-type", draw.wrongType);
      if (has("oversized") && draw.lieAboutLength) headers.set("content-length", String(MAX_BODY_BYTES + 1 + draw.missing));
      if (has("cross-site")) {
        headers.delete("origin");
        headers.delete("sec-fetch-site");
        for (const [name, value] of Object.entries(draw.crossSite)) headers.set(name, value);
      }
      if (draw.forwarded !== undefined) headers.set("x-forwarded-for", draw.forwarded);
      const { params } = draw;
      const cookie = cookieHeader(route.cookie, draw.cookie, params.value);
      if (cookie.value !== undefined) headers.set("cookie", cookie.value);

      const wrongCredential = !cookie.valid && route.credentialRequired === true;
      const certain = draw.faults.some((fault) => CERTAIN.has(fault)) || !params.valid || wrongCredential;
      const url = new URL(route.url(params.value), ORIGIN);
      url.search = draw.query;
      const request = new Request(url, { method: draw.method, headers, body: text });
      const parsed = format === "form" ? formObject(entries) : format === "json" && !has("invalid-json") ? Object.fromEntries(entries) : undefined;
      const sent = { method: draw.method, url: request.url, headers: Object.fromEntries(headers), body: text.slice(0, 300) };
      return { request, params: params.value, faults: draw.faults, certain, format, parsed, sent };
    });
}

const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().regex(/^[a-z_]+$/),
        message: z.string().min(1),
        fields: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict();

/** What must never reach a client: stack frames, file paths, store locations. */
export function expectNoLeaks(text: string, secrets: readonly string[] = []): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|\/work\/|\.tsx?:\d|file:\/\/|redis:\/\/|rediss:\/\/|SQLITE|StoreOpError|TypeError|ReferenceError/);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/**
 * A refusal as the design says: 4xx (never 5xx); JSON `{ error }` for
 * scripts; for a plain form post to a page that has one, a small HTML page
 * with the message and a way back; Retry-After on 429 and 503.
 */
export async function expectRefusal(response: Response, options: { htmlForForms: boolean; form: boolean; secrets?: readonly string[] }) {
  expect(response.status, "a refusal is a 4xx").toBeGreaterThanOrEqual(400);
  expect(response.status, "a refusal is a 4xx").toBeLessThan(500);
  if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const text = await response.text();
  expectNoLeaks(text, options.secrets);
  if (options.form && options.htmlForForms) {
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(text).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    return;
  }
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const parsed = errorBody.safeParse(JSON.parse(text));
  expect(parsed.error, text).toBeUndefined();
}

export interface ReadRoute<P> {
  url: (params: P) => string;
  params: fc.Arbitrary<Maybe<P>>;
  cookie?: CookieSlot<P>;
  /** Whether a query string is one the route accepts; by default the route ignores its query. */
  queryValid?: (query: URLSearchParams) => boolean;
}

export interface FuzzRead<P> {
  request: Request;
  params: P;
  /** Whether every part (id, credential, query) is right, so the route must answer. */
  valid: boolean;
  sent: { method: string; url: string; headers: Record<string, string> };
}

/** A GET (or HEAD) to `route`: right or wrong id, credential and query, with any forwarding and origin headers. */
export function anyRead<P>(route: ReadRoute<P>): fc.Arbitrary<FuzzRead<P>> {
  return fc
    .record({
      params: route.params,
      query: junkQuery,
      method: fc.constantFrom("GET", "GET", "HEAD"),
      forwarded: forwardedFor,
      origin: fc.option(fc.constantFrom("https://evil.example", "null", "not a url"), { nil: undefined }),
      cookie: cookiePlan,
    })
    .map((draw) => {
      const url = new URL(route.url(draw.params.value), ORIGIN);
      url.search = draw.query;
      const headers = new Headers({ host: new URL(ORIGIN).host });
      if (draw.forwarded !== undefined) headers.set("x-forwarded-for", draw.forwarded);
      if (draw.origin !== undefined) headers.set("origin", draw.origin);
      const cookie = cookieHeader(route.cookie, draw.cookie, draw.params.value);
      if (cookie.value !== undefined) headers.set("cookie", cookie.value);
      const queryValid = route.queryValid?.(url.searchParams) ?? true;
      return {
        request: new Request(url, { method: draw.method, headers }),
        params: draw.params.value,
        valid: draw.params.valid && cookie.valid && queryValid,
        sent: { method: draw.method, url: url.toString(), headers: Object.fromEntries(headers) },
      };
    });
}

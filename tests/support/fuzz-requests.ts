import fc from "fast-check";
import { MAX_BODY_BYTES } from "@/lib/http/parse-request";
import {
  cookieHeader,
  cookiePlan,
  forwardedFor,
  junkQuery,
  junkValue,
  ORIGIN,
  unknownKey,
  type CookieSlot,
  type Maybe,
} from "./fuzz-values";

/**
 * Malformed requests for the route fuzz tests (tests/unit/fuzz-*.test.ts):
 * bodies built from a route's valid body with things wrong in them, sent
 * to a real or wrong id with a right or wrong credential. A request carries the list of what is
 * wrong with it; `certain` says whether any of those faults must be refused
 * whatever the rest holds (an unknown field, a missing one, bad JSON…). A
 * junk value alone may happen to be valid (`false` coerces to 0, a timer
 * choice), so for those the test checks that an accepted body is one the
 * route's schema accepts.
 */

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

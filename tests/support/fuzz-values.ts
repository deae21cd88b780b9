import fc from "fast-check";
import { MAX_BODY_BYTES } from "@/lib/http/parse-request";

/**
 * The parts of malformed requests for the route fuzz tests: junk values and
 * field names, ids near a real one, query strings, forwarding headers and
 * cookies that are right or not. Every arbitrary here is built once: some
 * fast-check arbitraries cost seconds to build (see `stringOf`).
 */

export const ORIGIN = "http://localhost:3000";

export interface Maybe<T> {
  value: T;
  /** False when this value alone makes the request wrong. */
  valid: boolean;
}

/** The params of a route that has none. */
export const NO_PARAMS: fc.Arbitrary<Maybe<Record<string, never>>> = fc.constant({ value: {}, valid: true });

/** A route's params from one id param (`idParam`…): `{ [name]: id }`, right or wrong as the id is. */
export const paramsOf = <K extends string>(name: K, id: fc.Arbitrary<Maybe<string>>): fc.Arbitrary<Maybe<Record<K, string>>> =>
  id.map(({ value, valid }) => ({ value: { [name]: value } as Record<K, string>, valid }));

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
export const unknownKey = (known: readonly string[]) =>
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

/** Query strings: empty, plausible, junk, huge, with repeated and unknown keys. */
export const junkQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom("v", "key", "__proto__", "constructor"), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom("", "-1", "0", "1e309", "NaN", "x".repeat(3000)))), { maxLength: 4 }).map(
    (pairs) => new URLSearchParams(pairs).toString(),
  ),
  fc.string({ maxLength: 40 }).map((text) => encodeURIComponent(text)),
);

/** Client addresses and forwarding headers, plausible and not. */
export const forwardedFor = fc.option(
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

export type CookiePlan = (name: string, credential: string) => Maybe<string | undefined>;

/**
 * A Cookie header that is either the right credential, or not: a plan
 * applied to the drawn params, so no arbitrary is built per request (that
 * grows fast-check's caches and slows every run after it).
 */
export const cookiePlan: fc.Arbitrary<CookiePlan> = fc.oneof(
  { arbitrary: fc.constant<CookiePlan>((name, credential) => ({ value: `${name}=${credential}`, valid: true })), weight: 2 },
  junkCookie.map((value): CookiePlan => () => ({ value, valid: false })),
  fc.string({ maxLength: 64 }).map((junk): CookiePlan => (name) => ({ value: `${name}=${junk}`, valid: false })),
  fc.constant<CookiePlan>((name, credential) => ({ value: `${name}=${credential.slice(0, -1)}`, valid: false })),
  fc.constant<CookiePlan>((name, credential) => ({ value: `other=1; ${name}=${credential}x`, valid: false })),
);

export function cookieHeader<P>(slot: CookieSlot<P> | undefined, plan: CookiePlan, params: P): Maybe<string | undefined> {
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

/** Cookies on plain Requests and Responses, for route handlers that are called and tested as plain functions. */

/**
 * A Set-Cookie header value. `secure` follows the request's scheme: a
 * Secure cookie sent over plain http (a teacher trying the site on a
 * laptop) would be dropped by the browser, and then nothing works.
 */
export function setCookieHeader(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Whether the request reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/** What `cookies()` from next/headers returns, as far as reading goes. */
export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/**
 * The request's own cookies, for route handlers: the same values as
 * `cookies()` from next/headers, but read from the Request they were
 * given, so each handler (and its authorisation) can be called and tested
 * as a plain function. The first cookie of a name wins, as in browsers'
 * ordering (most specific path first).
 */
export function requestCookies(request: Request): CookieReader {
  const jar = new Map<string, string>();
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    if (at > 0 && !jar.has(name)) jar.set(name, pair.slice(at + 1).trim());
  }
  return { get: (name) => (jar.has(name) ? { value: jar.get(name) as string } : undefined) };
}

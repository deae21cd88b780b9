/**
 * The two cookies of a session, one pair per session so a phone can be in
 * two classes. Both HttpOnly (no script reads them), SameSite=Lax (sent
 * when a QR code or a link opens the page, not on cross-site posts) and
 * Secure over HTTPS. They live as long as the session's keys.
 */

export const hostCookieName = (sessionId: string) => `classroom_host_${sessionId}`;
export const playerCookieName = (sessionId: string) => `classroom_player_${sessionId}`;

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
interface CookieReader {
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

export const readHostCookie = (jar: CookieReader, sessionId: string) => jar.get(hostCookieName(sessionId))?.value;
export const readPlayerCookie = (jar: CookieReader, sessionId: string) => jar.get(playerCookieName(sessionId))?.value;

import type { CookieReader } from "@/lib/http/cookies";

/**
 * The two cookies of a session, one pair per session so a phone can be in
 * two classes. Both HttpOnly (no script reads them), SameSite=Lax (sent
 * when a QR code or a link opens the page, not on cross-site posts) and
 * Secure over HTTPS. They live as long as the session's keys.
 */

export const hostCookieName = (sessionId: string) => `classroom_host_${sessionId}`;
export const playerCookieName = (sessionId: string) => `classroom_player_${sessionId}`;

export const readHostCookie = (jar: CookieReader, sessionId: string) => jar.get(hostCookieName(sessionId))?.value;
export const readPlayerCookie = (jar: CookieReader, sessionId: string) => jar.get(playerCookieName(sessionId))?.value;

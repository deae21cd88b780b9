import { setCookieHeader, type CookieReader } from "@/lib/http/cookies";
import { QUIZ_TTL } from "./keys";
import { attemptIdSchema } from "./requests";

/**
 * Which quiz this browser last started, so /quiz can offer "Resume" after
 * Back or a closed tab. A cookie set by the start route rather than
 * localStorage: the plain form post (no JavaScript) gets it with its 303
 * like a script's fetch does, and the server checks that the attempt is
 * still unfinished before it offers to resume it, where localStorage would
 * need a script on /quiz to ask. It holds the attempt id and nothing else,
 * HttpOnly (the id is the key to the answers, so no script reads it) and
 * SameSite=Lax, for as long as the attempt is kept. The cost: /quiz is
 * rendered per request, as its ?topic= already makes it.
 */

const ATTEMPT_COOKIE = "quiz_attempt";

/** The Set-Cookie value for the start response. */
export function rememberAttempt(attemptId: string, options: { secure: boolean }): string {
  return setCookieHeader(ATTEMPT_COOKIE, attemptId, { maxAgeSeconds: QUIZ_TTL.attempt, secure: options.secure });
}

/** The remembered attempt id, if the cookie holds one that can be ours. */
export function rememberedAttempt(jar: CookieReader): string | undefined {
  return attemptIdSchema.safeParse(jar.get(ATTEMPT_COOKIE)?.value).data;
}

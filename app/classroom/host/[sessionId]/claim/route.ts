import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { ClassroomError } from "@/lib/classroom/errors";
import { classroomService } from "@/lib/classroom";
import { assertSessionId } from "@/lib/classroom/requests";
import { hostCookieName } from "@/lib/classroom/cookies";
import { isHttps, setCookieHeader } from "@/lib/http/cookies";
import { dashboardPath } from "@/lib/classroom/paths";

/**
 * The private host link: checks the credential in it, hands this device the
 * teacher's cookie and moves on to the dashboard, so the credential does not
 * stay in the address bar (and no Referer carries it anywhere). A wrong or
 * expired link sets nothing: the dashboard then explains who may open it.
 * An id that cannot be a session's is a 404 here: it would not even fit in
 * the redirect's Location header.
 */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) => {
  assertSessionId(sessionId);
  const credential = new URL(request.url).searchParams.get("key") ?? undefined;
  const claimed = await (await classroomService()).claimHost(sessionId, credential).catch((error: unknown) => {
    if (error instanceof ClassroomError) return null;
    throw error;
  });
  const response = seeOther(dashboardPath(sessionId));
  response.headers.set("Referrer-Policy", "no-referrer");
  if (claimed && credential) {
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(hostCookieName(sessionId), credential, { maxAgeSeconds: claimed.ttlSeconds, secure: isHttps(request) }),
    );
  }
  return response;
});

import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { clientOf } from "@/lib/http/requester";
import { classroomService } from "@/lib/classroom";
import { hostCookieName } from "@/lib/classroom/cookies";
import { isHttps, setCookieHeader } from "@/lib/http/cookies";
import { classroomPath, hostPath } from "@/lib/classroom/paths";
import { createSessionSchema } from "@/lib/classroom/requests";

/** Create a session: the host cookie, then the projector page (303 for a plain form, 201 JSON for scripts). */
export const POST = route(
  async (request) => {
    const { data, format } = await parseBody(request, createSessionSchema);
    const created = await (await classroomService()).createSession(data, clientOf(request.headers));
    const href = hostPath(created.sessionId);
    const response =
      format === "form" ? seeOther(href) : Response.json({ sessionId: created.sessionId, code: created.code, href }, { status: 201 });
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(hostCookieName(created.sessionId), created.hostCredential, {
        maxAgeSeconds: created.ttlSeconds,
        secure: isHttps(request),
      }),
    );
    return response;
  },
  { formErrorBack: () => classroomPath, echo: Object.keys(createSessionSchema.shape) },
);

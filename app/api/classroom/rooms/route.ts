import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { clientSubject } from "@/lib/rate-limit";
import { rooms } from "@/lib/rooms";
import { hostCookieName, isHttps, setCookieHeader } from "@/lib/rooms/cookies";
import { classroomPath, hostPath } from "@/lib/rooms/paths";
import { createRoomSchema } from "@/lib/rooms/schemas";

/** Create a session: the host cookie, then the projector page (303 for a plain form, 201 JSON for scripts). */
export const POST = route(
  async (request) => {
    const { data, format } = await parseBody(request, createRoomSchema);
    const created = await (await rooms()).createRoom(data, clientSubject(request.headers));
    const href = hostPath(created.roomId);
    const response =
      format === "form" ? seeOther(href) : Response.json({ roomId: created.roomId, code: created.code, href }, { status: 201 });
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(hostCookieName(created.roomId), created.hostCredential, {
        maxAgeSeconds: created.ttlSeconds,
        secure: isHttps(request),
      }),
    );
    return response;
  },
  { formErrorBack: () => ({ href: classroomPath, label: "Back to setting up a session" }) },
);

import { route } from "@/lib/http/handle-route";
import { sharedJson } from "@/lib/http/shared-json";
import { classroomService } from "@/lib/classroom";

/**
 * What every phone in a live session is shown alike (LiveShared): no
 * cookie read, the same answer for everyone, so a CDN or the self-host
 * recipe's nginx (deploy/nginx) answers a whole class from one copy a
 * second. One store round trip when it reaches the app.
 */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) =>
  sharedJson(request, await (await classroomService()).getLive(sessionId)),
);

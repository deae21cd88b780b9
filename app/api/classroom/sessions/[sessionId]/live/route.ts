import { route } from "@/lib/http/handle-route";
import { sharedJson } from "@/lib/http/shared-json";
import { classroomService } from "@/lib/classroom";
import { reusedLive } from "@/lib/classroom/live-reuse";

/**
 * What every phone in a live session is shown alike (LiveShared): no
 * cookie read, the same answer for everyone, so a CDN or the self-host
 * recipe's nginx (deploy/nginx) answers a whole class from one copy a
 * second. When it reaches the app, one store round trip, shared by the
 * requests of the same quarter second (lib/classroom/live-reuse.ts).
 */
export const GET = route<{ sessionId: string }>(async (request, { sessionId }) =>
  sharedJson(request, await reusedLive(sessionId, async () => (await classroomService()).getLive(sessionId))),
);

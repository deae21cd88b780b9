import { InviteCard } from "@/components/share/og/invite-card";
import { CACHE_BRIEFLY, renderCachedShareImage } from "@/components/share/og/render";
import { classroomService } from "@/lib/classroom";
import { JOIN_CODE_PATTERN, normalizeJoinCode } from "@/lib/classroom/code";
import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/handle-route";
import { clientOf } from "@/lib/http/requester";
import { siteUrl } from "@/lib/site";

/**
 * A classroom invitation's share image: the join code, large. Drawn only for
 * a code that exists: one store round trip looks it up and counts the
 * request against the client's share-image limit, and a miss counts as a
 * wrong code, as on the join page. A card once drawn is served from memory.
 * Cached briefly, not for good: the code stops existing when its session ends.
 */
export const GET = route<{ code: string }>(async (request, { code }) => {
  const joinCode = normalizeJoinCode(code);
  if (!JOIN_CODE_PATTERN.test(joinCode)) throw new ApiError(404, "not_found", "There is no classroom with this code.");
  await (await classroomService()).lookupInviteCode(joinCode, clientOf(request.headers));
  const host = siteUrl().host;
  return renderCachedShareImage(`invite\n${joinCode}\n${host}`, <InviteCard code={joinCode} host={host} />, CACHE_BRIEFLY);
});

import { InviteCard } from "@/components/share/og/invite-card";
import { CACHE_FOR_GOOD, renderShareImage } from "@/components/share/og/render";
import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/handle-route";
import { JOIN_CODE_PATTERN, normalizeJoinCode } from "@/lib/classroom/code";
import { siteUrl } from "@/lib/site";

/**
 * A classroom invitation's share image: the join code, large. It depends on
 * the code alone, so it is cached for good. It does not look the session
 * up (no store read): the code is already in the link being previewed, and
 * a made-up code of the right shape only draws a card for a join page that
 * says the code is unknown. Codes are checked with the classroom's own rules.
 */
export const GET = route<{ code: string }>(async (_request, { code }) => {
  const joinCode = normalizeJoinCode(code);
  if (!JOIN_CODE_PATTERN.test(joinCode)) throw new ApiError(404, "not_found", "There is no classroom with this code.");
  const host = siteUrl().host;
  return renderShareImage(<InviteCard code={joinCode} host={host} />, CACHE_FOR_GOOD);
});

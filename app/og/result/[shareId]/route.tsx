import { ResultCard } from "@/components/share/og/result-card";
import { CACHE_BRIEFLY, CACHE_FOR_GOOD, renderShareImage } from "@/components/share/og/render";
import { route } from "@/lib/http/handle-route";
import { clientOf } from "@/lib/http/requester";
import { shareService } from "@/lib/share";
import { cardVersion, resultCard } from "@/lib/share/result-card";

/**
 * A result's share image, drawn on request (three store round trips: the
 * client's image limit, lib/share/limits.ts, then the result). The
 * URL the share page lists carries the card's version: that URL shows
 * exactly this card forever and is cached for a year. An outdated version
 * (the standing moved, a nickname was added) gets the current card with a
 * short cache, so no cache keeps serving it as if it were final.
 */
export const GET = route<{ shareId: string }>(async (request, { shareId }) => {
  const card = resultCard(await (await shareService()).getSharedResultImage(shareId, clientOf(request.headers)));
  const current = new URL(request.url).searchParams.get("v") === cardVersion(card);
  return renderShareImage(<ResultCard card={card} />, current ? CACHE_FOR_GOOD : CACHE_BRIEFLY);
});

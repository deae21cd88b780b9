import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { SHARE_IMAGE_SIZE } from "@/lib/share/images";

/** A year: for images whose URL changes whenever their content does. */
export const CACHE_FOR_GOOD = "public, max-age=31536000, immutable";

/**
 * A 1200×630 PNG of a card, with the cache policy the route chooses. Drawn
 * in full before answering, so a drawing error is a 500 (or a failed build)
 * rather than a cut-off PNG that a cache might keep.
 */
export async function renderShareImage(card: ReactElement, cacheControl: string): Promise<Response> {
  const png = await new ImageResponse(card, SHARE_IMAGE_SIZE).arrayBuffer();
  return new Response(png, { headers: { "Content-Type": "image/png", "Cache-Control": cacheControl } });
}

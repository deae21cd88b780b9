import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { boundedCache } from "@/lib/bounded-cache";
import { SHARE_IMAGE_SIZE } from "@/lib/share/images";

/** A year: for images whose URL changes whenever their content does. */
export const CACHE_FOR_GOOD = "public, max-age=31536000, immutable";
/** Five minutes: for images that may change or go away under the same URL. */
export const CACHE_BRIEFLY = "public, max-age=300";

/**
 * A 1200×630 PNG of a card, with the cache policy the route chooses. Drawn
 * in full before answering, so a drawing error is a 500 (or a failed build)
 * rather than a cut-off PNG that a cache might keep.
 */
export async function renderShareImage(card: ReactElement, cacheControl: string): Promise<Response> {
  return pngResponse(await drawCard(card), cacheControl);
}

/**
 * The 64 images drawn last, kept in memory (an invite card is ~40 kB, so
 * ~3 MB at most): each takes ~100 ms of CPU to draw, and a class's invite
 * is fetched by every phone it is shared to.
 */
const drawn = boundedCache<ArrayBuffer>(64);

/** Like renderShareImage, but a card drawn before under `key` (what the card shows) is served from memory. */
export async function renderCachedShareImage(key: string, card: ReactElement, cacheControl: string): Promise<Response> {
  return pngResponse(await drawn.get(key, () => drawCard(card)), cacheControl);
}

const drawCard = (card: ReactElement) => new ImageResponse(card, SHARE_IMAGE_SIZE).arrayBuffer();

const pngResponse = (png: ArrayBuffer, cacheControl: string) =>
  new Response(png, { headers: { "Content-Type": "image/png", "Cache-Control": cacheControl } });

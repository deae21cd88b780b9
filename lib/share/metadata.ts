import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/site";
import type { ShareImage } from "./images";

/**
 * Link-preview metadata for a page with its own share image. Pages without
 * one need nothing: the root layout's defaults give them the site image and
 * an og:url of their own path.
 *
 * Everything is set here because a page's `openGraph` replaces the parent's
 * as a whole in Next.js. og:title and twitter:title are left to Next.js,
 * which fills them from the page title (with the site name template).
 * Paths are relative; the root layout's metadataBase makes them absolute.
 */
export function shareMetadata({
  title,
  description,
  path,
  image,
  type = "website",
}: {
  title?: string;
  description: string;
  /** The page's own path: canonical link and og:url. */
  path: string;
  image: ShareImage;
  type?: "website" | "article";
}): Metadata {
  return {
    ...(title === undefined ? {} : { title }),
    description,
    alternates: { canonical: path },
    openGraph: { ...OPEN_GRAPH_DEFAULTS, type, url: path, description, images: [image] },
    twitter: { card: "summary_large_image", description, images: [image] },
  };
}

/** What every page's preview shares, whoever sets its openGraph. */
export const OPEN_GRAPH_DEFAULTS = { siteName: SITE_NAME, locale: "en_GB" } as const;

import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/site";
import type { ShareImage } from "./images";

interface PageMetadataInput {
  title?: string;
  description: string;
  /** The page's own path: canonical link and og:url. */
  path: string;
}

/**
 * Title, description and canonical link, for a page without a share image
 * of its own: the root layout's defaults give it the site image and an
 * og:url of its own path. Paths are relative; the root layout's
 * metadataBase makes them absolute.
 */
export function pageMetadata({ title, description, path }: PageMetadataInput): Metadata {
  return { ...(title === undefined ? {} : { title }), description, alternates: { canonical: path } };
}

/**
 * Link-preview metadata for a page with its own share image.
 *
 * Everything is set here because a page's `openGraph` replaces the parent's
 * as a whole in Next.js. og:title and twitter:title are left to Next.js,
 * which fills them from the page title (with the site name template).
 */
export function shareMetadata({
  image,
  type = "website",
  ...page
}: PageMetadataInput & { image: ShareImage; type?: "website" | "article" }): Metadata {
  const { description } = page;
  return {
    ...pageMetadata(page),
    openGraph: { ...OPEN_GRAPH_DEFAULTS, type, url: page.path, description, images: [image] },
    twitter: { card: "summary_large_image", description, images: [image] },
  };
}

/** What every page's preview shares, whoever sets its openGraph. */
export const OPEN_GRAPH_DEFAULTS = { siteName: SITE_NAME, locale: "en_GB" } as const;

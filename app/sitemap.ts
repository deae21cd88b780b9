import type { MetadataRoute } from "next";
import { getExplainers, SITE_UPDATED, TIMELINE_CATEGORIES } from "@/lib/content";
import { absoluteUrl } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  const pages = [
    "/",
    "/timeline",
    ...Object.keys(TIMELINE_CATEGORIES).map((category) => `/timeline/${category}`),
    "/explainers",
    ...getExplainers().map((explainer) => `/explainers/${explainer.slug}`),
    "/people",
    "/glossary",
    "/sources",
    "/updates",
    "/about",
    "/quiz",
    "/quiz/leaderboard",
    "/classroom",
  ];
  return pages.map((path) => ({ url: absoluteUrl(path), lastModified: SITE_UPDATED }));
}

import { env } from "@/lib/env";

export const SITE_NAME = "Trump and Kim, explained";
export const SITE_DESCRIPTION =
  "A sourced timeline, explainers and a quiz on Donald Trump and Kim Jong-un: from “fire and fury” through three meetings and years of silence to the talk of renewed talks.";

/**
 * Absolute base URL for canonical links, sitemaps, structured data and share
 * metadata and images: from configuration only (lib/env.ts), never from a
 * request's Host or X-Forwarded-Host. A page or image that a cache keeps is
 * then the same whoever asked for it, and reading it keeps pages static.
 */
export function siteUrl(): URL {
  return new URL(env().siteUrl);
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}

/** The main navigation, in reading order. */
export const NAV_LINKS = [
  { href: "/timeline", label: "Timeline" },
  { href: "/explainers", label: "Explainers" },
  { href: "/people", label: "People" },
  { href: "/glossary", label: "Glossary" },
  { href: "/quiz", label: "Quiz" },
] as const;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "12 June 2018" for YYYY-MM-DD, "June 2018" for YYYY-MM. Dates are calendar dates, so UTC. */
export function formatDate(isoDate: string): string {
  return isoDate.length === 7
    ? monthFormat.format(new Date(`${isoDate}-01T00:00:00Z`))
    : dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

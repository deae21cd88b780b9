import { env } from "@/lib/env";

export const SITE_NAME = "Trump and Kim, explained";
export const SITE_DESCRIPTION =
  "A sourced timeline, explainers and a quiz on Donald Trump and Kim Jong-un: from “fire and fury” through three meetings and years of silence to the talk of renewed talks.";

/**
 * Absolute base URL for canonical links, sitemaps and share metadata: the
 * configured one (see lib/env.ts), else the origin the request came to
 * (pass `requestOrigin(headers)`, see lib/share/base-url.ts), else localhost.
 */
export function siteUrl(fromRequest?: URL): URL {
  return new URL(env().siteUrl ?? fromRequest ?? "http://localhost:3000");
}

// A host name with an optional port, nothing else: the Host header is client input.
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The origin a request was addressed to, from the Host header (or the
 * X-Forwarded-Host/-Proto a proxy sets); undefined when it is missing or
 * not a plain host. Only used when no base URL is configured.
 */
export function requestOrigin(headers: { get(name: string): string | null }): URL | undefined {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return undefined;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return new URL(`${proto === "https" || proto === "http" ? proto : "http"}://${host}`);
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

import type { LoggedUpdate } from "@/lib/content";
import type { UpdatePlace } from "./places";

/**
 * The updates log as an Atom feed (RFC 4287). Pure: the route handler passes
 * the entries, where each changed and the site's base URL, so every link is
 * absolute and the same whoever asks.
 */

export const FEED_PATH = "/updates/feed.xml";

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Entries carry a day, not a time: midnight UTC of that day. */
const atomTime = (day: string) => `${day}T00:00:00Z`;

export interface FeedInput {
  siteName: string;
  siteUrl: URL;
  /** Newest first. */
  entries: readonly { entry: LoggedUpdate; place: UpdatePlace; typeLabel: string }[];
  /** When nothing is logged yet, the feed is dated by this day. */
  fallbackUpdated: string;
}

export function atomFeed({ siteName, siteUrl, entries, fallbackUpdated }: FeedInput): string {
  const url = (path: string) => new URL(path, siteUrl).toString();
  const pageUrl = url("/updates");
  const newest = entries.reduce((latest, { entry }) => (entry.date > latest ? entry.date : latest), fallbackUpdated);
  const items = entries.map(({ entry, place, typeLabel }) => {
    const entryUrl = `${pageUrl}#${entry.id}`;
    const text = `${entry.summary} Why: ${entry.reason} Changed: ${place.label} (${url(place.href)}).`;
    return [
      "  <entry>",
      `    <id>${escapeXml(entryUrl)}</id>`,
      `    <title>${escapeXml(`${typeLabel}: ${place.label}`)}</title>`,
      `    <updated>${atomTime(entry.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entryUrl)}"/>`,
      `    <link rel="related" type="text/html" href="${escapeXml(url(place.href))}"/>`,
      `    <category term="${entry.type}" label="${escapeXml(typeLabel)}"/>`,
      `    <summary type="text">${escapeXml(text)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escapeXml(pageUrl)}</id>`,
    `  <title>${escapeXml(`Corrections and updates: ${siteName}`)}</title>`,
    `  <updated>${atomTime(newest)}</updated>`,
    `  <author><name>${escapeXml(siteName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(url(FEED_PATH))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}

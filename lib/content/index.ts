import { contentCurrency, newestFactDate, type Currency } from "./currency";
import type { Explainer, ExplainerSummary } from "./explainers";
import { picturePath } from "@/lib/pictures/placement";
import type { PictureData } from "@/lib/pictures/references";
import { loadContent, type ContentBundle } from "./load";
import type { GlossaryTerm, Person, Source, TimelineEvent, UpdateTarget, WhatWeKnow, WhereThingsStand } from "./schemas";
import { targetKey, type LoggedUpdate } from "./updates";

/**
 * Public API for pages. Content is read and validated once per process and
 * cached in module scope; it only changes when the site is rebuilt.
 * Arrays are copied on the way out so a page sorting or filtering them cannot
 * change what the next page sees.
 */

export { CONTENT_AS_OF, SITE_UPDATED, SOURCE_GROUPS, TIMELINE_CATEGORIES, TOPIC_LABELS, UPDATE_TYPE_LABELS, UPDATE_TYPE_VERBS } from "./constants";
// Zod enums, for pages that validate route params ("/timeline/[category]", "?topic=").
export {
  SourceGroup as sourceGroupSchema,
  TimelineCategory as timelineCategorySchema,
  Topic as topicSchema,
} from "./schemas";
export type { Currency } from "./currency";
export type { Explainer, ExplainerSummary } from "./explainers";
export type { Heading } from "./markdown";
export { targetHref } from "./updates";
export type { LoggedUpdate } from "./updates";
export type {
  ExplainerFrontMatter,
  ExplainerLink,
  GlossaryTerm,
  Person,
  Source,
  SourceGroup,
  TimelineCategory,
  TimelineEvent,
  Topic,
  UpdateTarget,
  UpdateType,
  WhatWeKnow,
} from "./schemas";

let cache: ContentBundle | undefined;

function content(): ContentBundle {
  cache ??= loadContent();
  return cache;
}

export function getSources(): Source[] {
  return [...content().sources];
}

export function getSource(id: string): Source {
  const source = content().sources.find((s) => s.id === id);
  if (!source) throw new Error(`Unknown source "${id}"`);
  return source;
}

export interface SourceUse {
  kind: "timeline" | "explainer" | "person" | "glossary" | "picture";
  id: string;
  title: string;
  href: string;
}

/** For the /sources page: where each source is cited, keyed by source id, in registry order. */
export function getSourceUsage(): Map<string, SourceUse[]> {
  const c = content();
  const usage = new Map<string, SourceUse[]>(c.sources.map((s) => [s.id, []]));
  const add = (ids: readonly string[], use: SourceUse) => {
    for (const id of new Set(ids)) usage.get(id)?.push(use);
  };
  for (const e of c.timeline) add(e.sources, { kind: "timeline", id: e.id, title: e.title, href: `/timeline#${e.id}` });
  for (const x of c.explainers) {
    add(x.sources, { kind: "explainer", id: x.slug, title: x.title, href: `/explainers/${x.slug}` });
  }
  for (const p of c.people) add(p.sources, { kind: "person", id: p.id, title: p.name, href: `/people#${p.id}` });
  for (const t of c.glossary) add(t.sources, { kind: "glossary", id: t.id, title: t.term, href: `/glossary#${t.id}` });
  const { missileChart, meetingPlaces } = c.pictures;
  const chart = { kind: "picture", id: "missile-chart", title: missileChart.title, href: picturePath("missile-chart") } as const;
  for (const entry of missileChart.years) if (entry.missiles !== null) add(entry.sources, chart);
  const map = { kind: "picture", id: "meeting-map", title: "Map of the meeting places", href: picturePath("meeting-map") } as const;
  for (const place of meetingPlaces) for (const meeting of place.meetings) add(meeting.sources ?? [], map);
  return usage;
}

/** Chronological (validated at load). */
export function getTimeline(): TimelineEvent[] {
  return [...content().timeline];
}

export function getExplainers(): ExplainerSummary[] {
  return [...content().explainerSummaries];
}

export function getExplainer(slug: string): Explainer | undefined {
  return content().explainers.find((e) => e.slug === slug);
}

export function getPeople(): Person[] {
  return [...content().people];
}

/** Alphabetical by term, ignoring case. */
export function getGlossary(): GlossaryTerm[] {
  return [...content().glossary].sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
}

/** The data behind the missile chart, the meeting-places map and the home page's key moments (validated at load). */
export function getPictureData(): PictureData {
  const { missileChart, meetingPlaces, keyMoments } = content().pictures;
  return { missileChart, meetingPlaces: [...meetingPlaces], keyMoments: [...keyMoments] };
}

/** The short "where things stand" summary for the home page. */
export function getWhereThingsStand(): WhereThingsStand {
  const w = content().whereThingsStand;
  return { asOf: w.asOf, paragraphs: [...w.paragraphs], sources: [...w.sources] };
}

/** The corrections and updates log, newest first (entries of one day in file order). */
export function getUpdates(): LoggedUpdate[] {
  return [...content().updates].sort((a, b) => b.date.localeCompare(a.date));
}

/** The entries about one place (`key` is the explainer slug or the item id), newest first. */
export function getUpdatesAbout(kind: UpdateTarget["kind"], key: string): LoggedUpdate[] {
  return getUpdates().filter((entry) => entry.target.kind === kind && targetKey(entry.target) === key);
}

/** The "what we know" box of an explainer; the loader checks that every explainer has one. */
export function getWhatWeKnow(slug: string): WhatWeKnow {
  const box = content().whatWeKnow.find((b) => b.explainer === slug);
  if (!box) throw new Error(`No "what we know" box for explainer "${slug}"`);
  return box;
}

/** How current the content is on `today`: the newest timeline date and whether it is over 90 days old. */
export function getCurrency(today: Date): Currency {
  return contentCurrency(newestFactDate(content().timeline), today);
}

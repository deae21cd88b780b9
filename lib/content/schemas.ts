import { z } from "zod";
import { Slug, Topic } from "./ids";

/**
 * Schemas for everything under content/. Objects are strict so that a typo in a
 * field name ("soruces") fails loudly instead of silently dropping data.
 * Each schema shares its name with its inferred type (the usual zod idiom).
 */

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export { Slug, Topic } from "./ids";

const NonEmpty = z.string().trim().min(1, "must not be empty");

/** True for a real calendar day such as 2024-02-29 (and false for 2023-02-29). */
export function isIsoDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isIsoMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export const IsoDay = z.string().refine(isIsoDay, "must be a real date written YYYY-MM-DD");

/** Some sources and events are only known to the month. */
export const IsoDayOrMonth = z
  .string()
  .refine((v) => isIsoDay(v) || isIsoMonth(v), "must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known");

/** YAML front matter turns unquoted dates into Date objects; accept both forms. */
const FrontMatterDay = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  IsoDay,
);

const SourceIds = z.array(Slug).min(1, "cite at least one source");

// ---------------------------------------------------------------- sources

/** How the /sources page groups sources; labels live in constants.ts (SOURCE_GROUPS). */
export const SourceGroup = z.enum(["news", "state-media", "government", "analysis", "book"]);
export type SourceGroup = z.infer<typeof SourceGroup>;

export const Source = z.strictObject({
  id: Slug,
  publisher: NonEmpty,
  title: NonEmpty,
  url: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }),
  published: IsoDayOrMonth,
  accessed: IsoDay,
  group: SourceGroup,
  /** Caveats a reader should see next to the link, e.g. a misleading headline. */
  note: NonEmpty.optional(),
});
export type Source = z.infer<typeof Source>;

// ---------------------------------------------------------------- topics


// ---------------------------------------------------------------- timeline

export const TimelineCategory = z.enum(["summit", "letters", "threats-and-tests", "diplomacy", "russia", "statements"]);
export type TimelineCategory = z.infer<typeof TimelineCategory>;

export const ExplainerLink = z.strictObject({
  slug: Slug,
  /** A heading id inside the explainer, without the "#". */
  anchor: z.optional(Slug),
});
export type ExplainerLink = z.infer<typeof ExplainerLink>;

/**
 * Rough sentence count. Quotations count as one word (ending the sentence if
 * they end with a full stop), so a quoted remark of several sentences does not
 * inflate the count; abbreviations such as "U.S." and "p.m." are not sentence ends.
 */
export function countSentences(text: string): number {
  const cleaned = text
    .replace(/["“]([^"”]*)["”]/g, (_m, inner: string) => (/[.!?]$/.test(inner.trim()) ? "Q." : "Q"))
    .replace(/\b(?:U\.S|U\.N|a\.m|p\.m|Mr|Mrs|Ms|Dr|St|No|e\.g|i\.e|etc|Jr|vs)\./g, "ABBR");
  const ends = cleaned.match(/[.!?]+['’)]*(?=\s|$)/g);
  return ends ? ends.length : 0;
}

/** Trimmed text of a bounded length and number of sentences, each bound with the message an author sees. */
export function sentences(bounds: { count: [min: number, max: number, message: string]; min: [number, string]; max: [number, string] }) {
  const [fewest, most, message] = bounds.count;
  return z
    .string()
    .trim()
    .min(...bounds.min)
    .max(...bounds.max)
    .refine((text) => {
      const n = countSentences(text);
      return n >= fewest && n <= most;
    }, message);
}

export const TimelineEvent = z
  .strictObject({
    id: Slug,
    date: IsoDayOrMonth,
    precision: z.enum(["day", "month"]),
    endDate: IsoDayOrMonth.optional(),
    title: NonEmpty.max(90, "keep titles under 90 characters"),
    summary: sentences({
      count: [2, 3, "summaries are 2–3 sentences"],
      min: [100, "summaries are 2–3 sentences (at least 100 characters)"],
      max: [600, "summaries are 2–3 sentences (at most 600 characters)"],
    }),
    category: TimelineCategory,
    people: z.array(Slug),
    sources: SourceIds,
    explainer: ExplainerLink.optional(),
  })
  .superRefine((event, ctx) => {
    const dateIsDay = isIsoDay(event.date);
    if (event.precision === "day" && !dateIsDay) {
      ctx.addIssue({ code: "custom", path: ["date"], message: 'precision "day" needs a YYYY-MM-DD date' });
    }
    if (event.precision === "month" && dateIsDay) {
      ctx.addIssue({ code: "custom", path: ["date"], message: 'precision "month" needs a YYYY-MM date' });
    }
    if (event.endDate !== undefined) {
      if (isIsoDay(event.endDate) !== dateIsDay) {
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "endDate must use the same precision as date" });
      } else if (event.endDate <= event.date) {
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "endDate must be after date" });
      }
    }
  });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

// ---------------------------------------------------------------- people and terms

export const Person = z.strictObject({
  id: Slug,
  name: NonEmpty,
  altNames: z.array(NonEmpty).min(1).optional(),
  /** The role at the time of the events described on the site. */
  role: NonEmpty,
  summary: z.string().trim().min(40).max(400, "keep person summaries to 1–2 sentences"),
  sources: SourceIds,
});
export type Person = z.infer<typeof Person>;

export const GlossaryTerm = z.strictObject({
  id: Slug,
  term: NonEmpty,
  abbreviation: NonEmpty.optional(),
  definition: z.string().trim().min(20).max(700),
  sources: SourceIds,
  related: z.array(Slug).min(1).optional(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

// ---------------------------------------------------------------- explainers

export const ExplainerFrontMatter = z.strictObject({
  title: NonEmpty.max(90),
  description: NonEmpty.max(160, "descriptions are used for link previews: at most 160 characters"),
  updated: FrontMatterDay,
  order: z.number().int().min(0),
  /** Must equal the set of sources cited in the body as [@id]. */
  sources: SourceIds,
  takeaways: z.array(NonEmpty).min(3, "give 3–5 takeaways").max(5, "give 3–5 takeaways"),
  relatedQuestions: z
    .array(NonEmpty.refine((q) => q.endsWith("?"), "a question ends with '?'"))
    .min(2, "give 2–4 related questions")
    .max(4, "give 2–4 related questions"),
  quizTopic: Topic,
});
export type ExplainerFrontMatter = z.infer<typeof ExplainerFrontMatter>;

// ---------------------------------------------------------------- home page

export const WhereThingsStand = z.strictObject({
  asOf: IsoDay,
  paragraphs: z.array(z.string().trim().min(40)).min(1).max(5),
  sources: SourceIds,
});
export type WhereThingsStand = z.infer<typeof WhereThingsStand>;

// ---------------------------------------------------------------- corrections and updates

/** The page a change was made on: what the /updates log links to and what shows the note. */
export const UpdateTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("explainer"), slug: Slug, anchor: z.optional(Slug) }),
  z.strictObject({ kind: z.literal("event"), id: Slug }),
  /** `version`: the question's version once the change was made (a change of answer bumps it). */
  z.strictObject({ kind: z.literal("question"), id: Slug, version: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal("person"), id: Slug }),
  z.strictObject({ kind: z.literal("term"), id: Slug }),
]);
export type UpdateTarget = z.infer<typeof UpdateTarget>;

/**
 * correction: something was wrong; clarification: wording, attribution or sourcing; update: new facts;
 * withdrawal: a quiz question taken out of the bank (its id is not used again, so old results can still name it).
 */
export const UpdateType = z.enum(["correction", "clarification", "update", "withdrawal"]);
export type UpdateType = z.infer<typeof UpdateType>;

/** One dated change in content/updates.json; a change to several places is one entry per place. */
export const UpdateEntry = z.strictObject({
  date: IsoDay,
  target: UpdateTarget,
  type: UpdateType,
  summary: z.string().trim().min(20).max(500, "keep the summary to one or two sentences"),
  reason: z.string().trim().min(10).max(300, "give the reason in one sentence"),
  sources: SourceIds,
});
export type UpdateEntry = z.infer<typeof UpdateEntry>;

// ---------------------------------------------------------------- what we know

/** One sentence a reader can check: each point of a "what we know" box cites its own sources. */
const SourcedSentence = sentences({
  count: [1, 1, "each point is one sentence"],
  min: [20, "each point is one sentence (at least 20 characters)"],
  max: [300, "each point is one sentence (at most 300 characters)"],
});

export const KnownPoint = z.strictObject({ text: SourcedSentence, sources: SourceIds });
export type KnownPoint = z.infer<typeof KnownPoint>;

/** One side's version of a contested point, named so the reader knows whose it is. */
export const DisputedAccount = z.strictObject({
  who: NonEmpty.max(60),
  text: SourcedSentence,
  sources: SourceIds,
});
export type DisputedAccount = z.infer<typeof DisputedAccount>;

export const DisputedPoint = z.strictObject({
  question: NonEmpty.max(120).refine((q) => q.endsWith("?"), "a disputed point is asked as a question ending in '?'"),
  accounts: z.array(DisputedAccount).min(2, "a disputed point gives at least two accounts"),
});
export type DisputedPoint = z.infer<typeof DisputedPoint>;

/**
 * The box at the foot of an explainer. What is known and what is not are
 * required; a point is disputed only where the sources really disagree, so
 * an explainer may have none rather than a forced one.
 */
export const WhatWeKnow = z.strictObject({
  explainer: Slug,
  known: z.array(KnownPoint).min(1, "give at least one thing we know"),
  unknown: z.array(KnownPoint).min(1, "give at least one thing we don't know"),
  disputed: z.array(DisputedPoint),
});
export type WhatWeKnow = z.infer<typeof WhatWeKnow>;

import type { SourceGroup, TimelineCategory, Topic, UpdateType } from "./schemas";

/**
 * Labels and dates with no file-system access, so client components can
 * import them without pulling node:fs into the browser bundle.
 */

/** The latest date covered by sourced reporting. Later events may be missing. */
export const CONTENT_AS_OF = "2026-05-26";

/** When the content was last edited (not when the events happened). */
export const SITE_UPDATED = "2026-11-23";

/** Human labels, in the order filters should show them. */
export const TIMELINE_CATEGORIES: Readonly<Record<TimelineCategory, string>> = {
  summit: "Meetings",
  letters: "Letters",
  "threats-and-tests": "Threats and tests",
  diplomacy: "Diplomacy",
  russia: "Russia",
  statements: "Statements",
};

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  "threats-2017": "The threats of 2017",
  meetings: "The three meetings",
  letters: "The letters",
  stalemate: "Why the talks stalled",
  russia: "North Korea and Russia",
  "second-term": "Trump's second term",
};

/** The topic choice in the quiz's and the classroom's forms: all topics, or one. */
export const TOPIC_CHOICES: readonly { value: Topic | ""; label: string }[] = [
  { value: "", label: "All topics" },
  ...(Object.entries(TOPIC_LABELS) as [Topic, string][]).map(([value, label]) => ({ value, label })),
];

/** Source groups with labels, in the order the /sources page lists them. */
export const SOURCE_GROUPS: Readonly<Record<SourceGroup, string>> = {
  news: "News reports",
  "state-media": "North Korean state media",
  government: "Government statements",
  analysis: "Analysis and reference",
  book: "Books",
};

/** How the updates log names each type of change. */
export const UPDATE_TYPE_LABELS: Readonly<Record<UpdateType, string>> = {
  correction: "Correction",
  clarification: "Clarification",
  update: "Update",
  withdrawal: "Withdrawal",
};

/** "This question was corrected on …": the verb for each type of change. */
export const UPDATE_TYPE_VERBS: Readonly<Record<UpdateType, string>> = {
  correction: "corrected",
  clarification: "clarified",
  update: "updated",
  withdrawal: "withdrawn",
};

import { IssueList } from "./errors";
import type { LinkTargets } from "./links";
import { CONTENT_FILES, displayName } from "./read";
import type { GlossaryTerm, Person, Source, TimelineEvent, WhatWeKnow, WhereThingsStand } from "./schemas";

/**
 * Checks of references between content files, run once every file has
 * matched its schema. Each adds its problems to one list, so a single run
 * reports them all.
 */

/** What the checks share. */
export interface CheckContext {
  list: IssueList;
  /** "content/…" for a path relative to the content root. */
  file(rel: string): string;
  sourceById: ReadonlyMap<string, Source>;
  /** Sources something cites, filled in by the checks; every source must end up here. */
  cited: Set<string>;
}

export function checkContext(root: string, sources: readonly Source[]): CheckContext {
  return {
    list: new IssueList(),
    file: (rel) => displayName(root, rel),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    cited: new Set(),
  };
}

export function checkUniqueIds(items: readonly { id: string }[], file: string, list: IssueList): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) list.add(file, [i, "id"], `duplicate id "${item.id}" (also at [${first}])`);
    else seen.set(item.id, i);
  });
}

export function checkRefs(
  ids: readonly string[],
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  what: string,
  file: string,
  at: readonly PropertyKey[],
  list: IssueList,
): void {
  ids.forEach((id, j) => {
    if (!known.has(id)) list.add(file, [...at, j], `unknown ${what} "${id}"`);
  });
}

/** Sources and people exist, explainer links land on a heading, and events are in date order. */
export function checkTimeline(timeline: readonly TimelineEvent[], targets: LinkTargets, check: CheckContext): void {
  const tf = check.file(CONTENT_FILES.timeline);
  const { list } = check;
  timeline.forEach((event, i) => {
    checkRefs(event.sources, check.sourceById, "source", tf, [i, "sources"], list);
    checkRefs(event.people, targets.personIds, "person", tf, [i, "people"], list);
    event.sources.forEach((id) => check.cited.add(id));
    if (event.explainer) {
      const headings = targets.explainerHeadings.get(event.explainer.slug);
      if (headings === undefined) list.add(tf, [i, "explainer", "slug"], `unknown explainer "${event.explainer.slug}"`);
      else if (event.explainer.anchor !== undefined && !headings.has(event.explainer.anchor)) {
        list.add(tf, [i, "explainer", "anchor"], `no heading "${event.explainer.anchor}" in "${event.explainer.slug}"`);
      }
    }
    const prev = timeline[i - 1];
    if (prev && event.date < prev.date) {
      list.add(tf, [i, "date"], `events must be in date order: ${event.date} comes after ${prev.date}`);
    }
  });
}

export function checkPeople(people: readonly Person[], check: CheckContext): void {
  const pf = check.file(CONTENT_FILES.people);
  people.forEach((p, i) => {
    checkRefs(p.sources, check.sourceById, "source", pf, [i, "sources"], check.list);
    p.sources.forEach((id) => check.cited.add(id));
  });
}

export function checkGlossary(glossary: readonly GlossaryTerm[], targets: LinkTargets, check: CheckContext): void {
  const gf = check.file(CONTENT_FILES.glossary);
  const { list } = check;
  glossary.forEach((t, i) => {
    checkRefs(t.sources, check.sourceById, "source", gf, [i, "sources"], list);
    checkRefs(t.related ?? [], targets.termIds, "term", gf, [i, "related"], list);
    if (t.related?.includes(t.id)) list.add(gf, [i, "related"], "a term cannot be related to itself");
    t.sources.forEach((id) => check.cited.add(id));
  });
}

/** Its sources must exist; citing one here does not count as citing it (see checkEverySourceCited). */
export function checkWhereThingsStand(where: WhereThingsStand, check: CheckContext): void {
  checkRefs(where.sources, check.sourceById, "source", check.file(CONTENT_FILES.whereThingsStand), ["sources"], check.list);
}

/**
 * Exactly one box per explainer, and every source it cites exists. Like the
 * home page's summary, citing a source here does not count as citing it: the
 * registry's sources must each back the timeline, an explainer, a person or a term.
 */
export function checkWhatWeKnow(boxes: readonly WhatWeKnow[], explainerSlugs: readonly string[], check: CheckContext): void {
  const wf = check.file(CONTENT_FILES.whatWeKnow);
  const { list } = check;
  const known = new Set(explainerSlugs);
  const seen = new Set<string>();
  boxes.forEach((box, i) => {
    if (!known.has(box.explainer)) list.add(wf, [i, "explainer"], `unknown explainer "${box.explainer}"`);
    if (seen.has(box.explainer)) list.add(wf, [i, "explainer"], `a second box for "${box.explainer}"`);
    seen.add(box.explainer);
    const points = [
      ...box.known.map((p, j) => ({ sources: p.sources, at: ["known", j] })),
      ...box.unknown.map((p, j) => ({ sources: p.sources, at: ["unknown", j] })),
      ...box.disputed.flatMap((d, j) => d.accounts.map((a, k) => ({ sources: a.sources, at: ["disputed", j, "accounts", k] }))),
    ];
    for (const { sources, at } of points) checkRefs(sources, check.sourceById, "source", wf, [i, ...at, "sources"], list);
  });
  for (const slug of explainerSlugs) {
    if (!seen.has(slug)) list.add(wf, "(root)", `no "what we know" box for explainer "${slug}"`);
  }
}

/** Run last: the other checks record what they cite. */
export function checkEverySourceCited(sources: readonly Source[], check: CheckContext): void {
  sources.forEach((s, i) => {
    if (!check.cited.has(s.id)) {
      check.list.add(
        check.file(CONTENT_FILES.sources),
        [i, "id"],
        `source "${s.id}" is not cited by any timeline event, explainer, person or term`,
      );
    }
  });
}

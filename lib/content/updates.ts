import type { ContentIssue } from "./errors";
import type { LinkTargets } from "./links";
import { checkRefs, type CheckContext } from "./references";
import { CONTENT_FILES } from "./read";
import type { UpdateEntry, UpdateTarget } from "./schemas";

/**
 * The corrections and updates log (content/updates.json): cross-checks, the
 * anchor each entry gets on /updates, and where each target lives on the site.
 * Question targets are checked by the bank loader, which knows the versions.
 */

/** An entry with the id of its place on /updates (`/updates#<id>`). */
export interface LoggedUpdate extends UpdateEntry {
  id: string;
}

/** The explainer slug or the item id. */
export function targetKey(target: UpdateTarget): string {
  return target.kind === "explainer" ? target.slug : target.id;
}

/** "2026-12-05-event-russia-treaty"; a second entry for the same place on the same day gets "-2". */
export function withIds(entries: readonly UpdateEntry[]): LoggedUpdate[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = `${entry.date}-${entry.target.kind}-${targetKey(entry.target)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...entry, id: count === 1 ? base : `${base}-${count}` };
  });
}

/** Where the change shows; questions have no page of their own, so they point at the quiz. */
export function targetHref(target: UpdateTarget): string {
  switch (target.kind) {
    case "explainer":
      return `/explainers/${target.slug}${target.anchor ? `#${target.anchor}` : ""}`;
    case "event":
      return `/timeline#${target.id}`;
    case "person":
      return `/people#${target.id}`;
    case "term":
      return `/glossary#${target.id}`;
    case "question":
      return "/quiz";
  }
}

/** Today's calendar date in UTC, YYYY-MM-DD: the latest date an entry may carry. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Every non-question target exists, every source exists, and no entry is
 * dated after `today`. Citing a source here does not count as citing it: the
 * corrected page must cite it too.
 */
export function checkUpdates(updates: readonly UpdateEntry[], targets: LinkTargets, check: CheckContext, today: string): void {
  const file = check.file(CONTENT_FILES.updates);
  const { list } = check;
  updates.forEach((entry, i) => {
    checkRefs(entry.sources, check.sourceById, "source", file, [i, "sources"], list);
    if (entry.date > today) list.add(file, [i, "date"], `${entry.date} is in the future (today is ${today})`);
    const { target } = entry;
    const at = [i, "target"];
    if (entry.type === "withdrawal" && target.kind !== "question") list.add(file, [i, "type"], "only a quiz question can be withdrawn");
    switch (target.kind) {
      case "explainer": {
        const headings = targets.explainerHeadings.get(target.slug);
        if (headings === undefined) list.add(file, [...at, "slug"], `unknown explainer "${target.slug}"`);
        else if (target.anchor !== undefined && !headings.has(target.anchor)) {
          list.add(file, [...at, "anchor"], `no heading "${target.anchor}" in "${target.slug}"`);
        }
        break;
      }
      case "event":
      case "person":
      case "term": {
        const [known, what] = {
          event: [targets.timelineIds, "timeline event"] as const,
          person: [targets.personIds, "person"] as const,
          term: [targets.termIds, "glossary term"] as const,
        }[target.kind];
        if (!known.has(target.id)) list.add(file, [...at, "id"], `unknown ${what} "${target.id}"`);
        break;
      }
      case "question":
        break;
    }
  });
}

/**
 * A question target names a question in the bank, at its current version or
 * an earlier one, or one the log says was withdrawn (whose earlier entries
 * stay); a withdrawal names one that is no longer in it.
 */
export function checkQuestionUpdates(updates: readonly LoggedUpdate[], versions: ReadonlyMap<string, number>): ContentIssue[] {
  const file = `content/${CONTENT_FILES.updates}`;
  const withdrawn = new Set(updates.flatMap(({ target, type }) => (type === "withdrawal" && target.kind === "question" ? [target.id] : [])));
  return updates.flatMap(({ id, target, type }): ContentIssue[] => {
    if (target.kind !== "question") return [];
    const current = versions.get(target.id);
    const path = `(entry ${id}).target`;
    if (type === "withdrawal") {
      return current === undefined ? [] : [{ file, path: `${path}.id`, message: `"${target.id}" is withdrawn but still in the bank` }];
    }
    if (current === undefined) {
      return withdrawn.has(target.id) ? [] : [{ file, path: `${path}.id`, message: `unknown quiz question "${target.id}"` }];
    }
    if (target.version > current) {
      return [{ file, path: `${path}.version`, message: `"${target.id}" is at version ${current}, not ${target.version}` }];
    }
    return [];
  });
}

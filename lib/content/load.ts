import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { ContentError, IssueList, formatPath, type ContentIssue } from "./errors";
import { checkInternalLink, type LinkTargets } from "./links";
import { MarkdownError, countWords, renderExplainerMarkdown, type Heading, type RenderedMarkdown } from "./markdown";
import {
  ExplainerFrontMatter,
  GlossaryTerm,
  Person,
  Slug,
  Source,
  TimelineEvent,
  WhereThingsStand,
} from "./schemas";

/**
 * Reads content/, validates it and cross-checks references. Runs at build time
 * (server components); any problem throws a ContentError naming file and field,
 * which fails the build rather than shipping an unsourced or broken page.
 */

export interface ExplainerSummary extends ExplainerFrontMatter {
  slug: string;
  wordCount: number;
  readingMinutes: number;
}

export interface Explainer extends ExplainerSummary {
  html: string;
  headings: Heading[];
  /** Sources in citation-number order ([1] first). */
  citations: Source[];
}

export interface ContentBundle {
  root: string;
  sources: Source[];
  timeline: TimelineEvent[];
  people: Person[];
  glossary: GlossaryTerm[];
  /** Ordered by front matter `order`. */
  explainers: Explainer[];
  /** The same explainers without their bodies, same order. */
  explainerSummaries: ExplainerSummary[];
  /** Internal hrefs found in each explainer body, by slug. */
  explainerLinks: Map<string, string[]>;
  whereThingsStand: WhereThingsStand;
}

export const CONTENT_FILES = {
  sources: "sources.json",
  timeline: "timeline.json",
  people: "people.json",
  glossary: "glossary.json",
  whereThingsStand: "where-things-stand.json",
  explainersDir: "explainers",
} as const;

/** Readers spend about a minute per 200 words of explanatory prose. */
const WORDS_PER_MINUTE = 200;

export function defaultContentRoot(): string {
  return path.join(process.cwd(), "content");
}

// The `turbopackIgnore` comments below keep the bundler from tracing the whole
// project through these dynamic paths; next.config.js ships content/ instead.

/** "content/timeline.json" whatever the absolute location of the root. */
function displayName(root: string, rel: string): string {
  return path.posix.join(path.basename(root), rel.split(path.sep).join("/"));
}

function zodIssues(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ContentIssue[] {
  return error.issues.map((i) => ({ file, path: formatPath([...prefix, ...i.path]), message: i.message }));
}

function readText(root: string, rel: string): string {
  try {
    return fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, rel), "utf8");
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ContentError([{ file: displayName(root, rel), path: "(root)", message: `cannot read file: ${reason}` }]);
  }
}

type Parsed<T> = { ok: true; data: T } | { ok: false; issues: ContentIssue[] };

function parseJsonFile<S extends z.ZodType>(root: string, rel: string, schema: S): Parsed<z.output<S>> {
  const file = displayName(root, rel);
  let data: unknown;
  try {
    data = JSON.parse(readText(root, rel));
  } catch (e) {
    if (e instanceof ContentError) throw e;
    return { ok: false, issues: [{ file, path: "(root)", message: `invalid JSON: ${(e as Error).message}` }] };
  }
  const result = schema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: zodIssues(file, result.error) };
}

interface RawExplainer {
  slug: string;
  file: string;
  frontMatter: ExplainerFrontMatter;
  body: string;
}

function parseExplainers(root: string, issues: ContentIssue[]): RawExplainer[] {
  const dir = path.join(/*turbopackIgnore: true*/ root, CONTENT_FILES.explainersDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
  } catch {
    issues.push({ file: displayName(root, CONTENT_FILES.explainersDir), path: "(root)", message: "missing folder" });
    return [];
  }
  const out: RawExplainer[] = [];
  for (const name of names) {
    const rel = path.join(CONTENT_FILES.explainersDir, name);
    const file = displayName(root, rel);
    const slug = name.slice(0, -".md".length);
    if (!Slug.safeParse(slug).success) {
      issues.push({ file, path: "(file name)", message: "explainer file names must be kebab-case slugs" });
      continue;
    }
    let parsed: matter.GrayMatterFile<string>;
    try {
      // Passing options (even empty) bypasses gray-matter's shared cache, which would hand back a mutable object.
      parsed = matter(readText(root, rel), {});
    } catch (e) {
      if (e instanceof ContentError) throw e;
      issues.push({ file, path: "(front matter)", message: `invalid YAML: ${(e as Error).message}` });
      continue;
    }
    const fm = ExplainerFrontMatter.safeParse(parsed.data);
    if (!fm.success) {
      issues.push(...zodIssues(file, fm.error));
      continue;
    }
    out.push({ slug, file, frontMatter: fm.data, body: parsed.content });
  }
  return out;
}

function checkUniqueIds(items: readonly { id: string }[], file: string, list: IssueList): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) list.add(file, [i, "id"], `duplicate id "${item.id}" (also at [${first}])`);
    else seen.set(item.id, i);
  });
}

function checkRefs(
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

export function loadContent(root: string = defaultContentRoot()): ContentBundle {
  // Phase 1: every file parses and matches its schema.
  const schemaIssues: ContentIssue[] = [];
  const take = <T>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.data;
    schemaIssues.push(...p.issues);
    return undefined;
  };
  const sources = take(parseJsonFile(root, CONTENT_FILES.sources, Source.array()));
  const timeline = take(parseJsonFile(root, CONTENT_FILES.timeline, TimelineEvent.array().min(1)));
  const people = take(parseJsonFile(root, CONTENT_FILES.people, Person.array()));
  const glossary = take(parseJsonFile(root, CONTENT_FILES.glossary, GlossaryTerm.array()));
  const where = take(parseJsonFile(root, CONTENT_FILES.whereThingsStand, WhereThingsStand));
  const rawExplainers = parseExplainers(root, schemaIssues);
  if (!sources || !timeline || !people || !glossary || !where || schemaIssues.length > 0) {
    throw new ContentError(schemaIssues);
  }

  // Phase 2: references between files.
  const list = new IssueList();
  const f = (rel: string) => displayName(root, rel);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const personIds = new Set(people.map((p) => p.id));
  const termIds = new Set(glossary.map((t) => t.id));
  const timelineIds = new Set(timeline.map((e) => e.id));
  const cited = new Set<string>();

  checkUniqueIds(sources, f(CONTENT_FILES.sources), list);
  checkUniqueIds(timeline, f(CONTENT_FILES.timeline), list);
  checkUniqueIds(people, f(CONTENT_FILES.people), list);
  checkUniqueIds(glossary, f(CONTENT_FILES.glossary), list);

  // Explainers first: timeline entries link to their headings.
  const explainers: Explainer[] = [];
  const explainerLinks = new Map<string, string[]>();
  const summaries = new Map<string, ExplainerSummary>();
  const orders = new Map<number, string>();
  for (const raw of rawExplainers) {
    const fm = raw.frontMatter;
    const clash = orders.get(fm.order);
    if (clash !== undefined) list.add(raw.file, "order", `order ${fm.order} is also used by "${clash}"`);
    orders.set(fm.order, raw.slug);
    checkRefs(fm.sources, sourceById, "source", raw.file, ["sources"], list);
    let rendered: RenderedMarkdown;
    try {
      rendered = renderExplainerMarkdown(raw.body, sourceById);
    } catch (e) {
      if (!(e instanceof MarkdownError)) throw e;
      for (const p of e.problems) list.add(raw.file, "body", p);
      continue;
    }
    const citedHere = new Set(rendered.citations.map((s) => s.id));
    fm.sources.forEach((id, j) => {
      if (sourceById.has(id) && !citedHere.has(id)) {
        list.add(raw.file, ["sources", j], `"${id}" is listed but never cited in the body`);
      }
    });
    for (const id of citedHere) {
      if (!fm.sources.includes(id)) list.add(raw.file, "body", `cites "${id}" but front matter sources does not list it`);
      cited.add(id);
    }
    const wordCount = countWords(raw.body);
    const summary: ExplainerSummary = {
      ...fm,
      slug: raw.slug,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    };
    explainers.push({ ...summary, html: rendered.html, headings: rendered.headings, citations: rendered.citations });
    summaries.set(raw.slug, summary);
    explainerLinks.set(raw.slug, rendered.links);
  }
  explainers.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));

  const targets: LinkTargets = {
    timelineIds,
    personIds,
    termIds,
    explainerHeadings: new Map(explainers.map((e) => [e.slug, new Set(e.headings.map((h) => h.id))])),
  };
  for (const e of explainers) {
    for (const href of explainerLinks.get(e.slug) ?? []) {
      const problem = checkInternalLink(href, targets);
      if (problem) list.add(f(path.join(CONTENT_FILES.explainersDir, `${e.slug}.md`)), "body", `broken link ${problem}`);
    }
  }

  const tf = f(CONTENT_FILES.timeline);
  timeline.forEach((event, i) => {
    checkRefs(event.sources, sourceById, "source", tf, [i, "sources"], list);
    checkRefs(event.people, personIds, "person", tf, [i, "people"], list);
    event.sources.forEach((id) => cited.add(id));
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

  const pf = f(CONTENT_FILES.people);
  people.forEach((p, i) => {
    checkRefs(p.sources, sourceById, "source", pf, [i, "sources"], list);
    p.sources.forEach((id) => cited.add(id));
  });

  const gf = f(CONTENT_FILES.glossary);
  glossary.forEach((t, i) => {
    checkRefs(t.sources, sourceById, "source", gf, [i, "sources"], list);
    checkRefs(t.related ?? [], termIds, "term", gf, [i, "related"], list);
    if (t.related?.includes(t.id)) list.add(gf, [i, "related"], "a term cannot be related to itself");
    t.sources.forEach((id) => cited.add(id));
  });

  checkRefs(where.sources, sourceById, "source", f(CONTENT_FILES.whereThingsStand), ["sources"], list);

  sources.forEach((s, i) => {
    if (!cited.has(s.id)) {
      list.add(f(CONTENT_FILES.sources), [i, "id"], `source "${s.id}" is not cited by any timeline event, explainer, person or term`);
    }
  });

  list.throwIfAny();
  const explainerSummaries = explainers.flatMap((e) => summaries.get(e.slug) ?? []);
  return {
    root,
    sources,
    timeline,
    people,
    glossary,
    explainers,
    explainerSummaries,
    explainerLinks,
    whereThingsStand: where,
  };
}

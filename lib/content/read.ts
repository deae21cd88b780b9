import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { ContentError, formatPath, type ContentIssue } from "./errors";
import { ExplainerFrontMatter, Slug } from "./schemas";

/**
 * Reading content files and matching each against its schema. Problems are
 * returned or collected, not thrown, so that one run reports all of them; only
 * a file that cannot be read at all throws.
 */

export const CONTENT_FILES = {
  sources: "sources.json",
  timeline: "timeline.json",
  people: "people.json",
  glossary: "glossary.json",
  whereThingsStand: "where-things-stand.json",
  updates: "updates.json",
  whatWeKnow: "what-we-know.json",
  explainersDir: "explainers",
} as const;

// The `turbopackIgnore` comments below keep the bundler from tracing the whole
// project through these dynamic paths; next.config.js ships content/ instead.

/** "content/timeline.json" whatever the absolute location of the root. */
export function displayName(root: string, rel: string): string {
  return path.posix.join(path.basename(root), rel.split(path.sep).join("/"));
}

function zodIssues(file: string, error: z.ZodError): ContentIssue[] {
  return error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message }));
}

function readText(root: string, rel: string): string {
  try {
    return fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, rel), "utf8");
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ContentError([{ file: displayName(root, rel), path: "(root)", message: `cannot read file: ${reason}` }]);
  }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; issues: ContentIssue[] };

export function parseJsonFile<S extends z.ZodType>(root: string, rel: string, schema: S): Parsed<z.output<S>> {
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

/** An explainer whose file name and front matter are valid; its body is not rendered yet. */
export interface RawExplainer {
  slug: string;
  file: string;
  frontMatter: ExplainerFrontMatter;
  body: string;
}

/** The explainers in file-name order; those that do not parse add to `issues` instead. */
export function parseExplainers(root: string, issues: ContentIssue[]): RawExplainer[] {
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

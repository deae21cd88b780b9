import path from "node:path";
import { checkInternalLink, type LinkTargets } from "./links";
import { MarkdownError, countWords, renderExplainerMarkdown, type Heading, type RenderedMarkdown } from "./markdown";
import { CONTENT_FILES, type RawExplainer } from "./read";
import { checkRefs, type CheckContext } from "./references";
import type { ExplainerFrontMatter, Source } from "./schemas";

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

export interface RenderedExplainers {
  /** Ordered by front matter `order`. */
  explainers: Explainer[];
  /** The same explainers without their bodies, same order. */
  explainerSummaries: ExplainerSummary[];
  /** Internal hrefs found in each explainer body, by slug. */
  explainerLinks: Map<string, string[]>;
}

interface RenderedExplainer {
  explainer: Explainer;
  summary: ExplainerSummary;
  links: string[];
}

/** Readers spend about a minute per 200 words of explanatory prose. */
const WORDS_PER_MINUTE = 200;

/** Renders every explainer, reporting what is wrong with each and recording the sources it cites. */
export function renderExplainers(raws: readonly RawExplainer[], check: CheckContext): RenderedExplainers {
  const orders = new Map<number, string>();
  const rendered: RenderedExplainer[] = [];
  const explainerLinks = new Map<string, string[]>();
  for (const raw of raws) {
    const { order } = raw.frontMatter;
    const clash = orders.get(order);
    if (clash !== undefined) check.list.add(raw.file, "order", `order ${order} is also used by "${clash}"`);
    orders.set(order, raw.slug);
    const one = renderExplainer(raw, check);
    if (!one) continue;
    rendered.push(one);
    explainerLinks.set(raw.slug, one.links);
  }
  rendered.sort((a, b) => a.explainer.order - b.explainer.order || a.explainer.slug.localeCompare(b.explainer.slug));
  return {
    explainers: rendered.map((r) => r.explainer),
    explainerSummaries: rendered.map((r) => r.summary),
    explainerLinks,
  };
}

/** Undefined when the body cannot be rendered (its problems are reported). */
function renderExplainer(raw: RawExplainer, check: CheckContext): RenderedExplainer | undefined {
  checkRefs(raw.frontMatter.sources, check.sourceById, "source", raw.file, ["sources"], check.list);
  let rendered: RenderedMarkdown;
  try {
    rendered = renderExplainerMarkdown(raw.body, check.sourceById);
  } catch (e) {
    if (!(e instanceof MarkdownError)) throw e;
    for (const p of e.problems) check.list.add(raw.file, "body", p);
    return undefined;
  }
  checkCitationsListed(raw, rendered.citations, check);
  const wordCount = countWords(raw.body);
  const summary: ExplainerSummary = {
    ...raw.frontMatter,
    slug: raw.slug,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
  const { html, headings, citations, links } = rendered;
  return { explainer: { ...summary, html, headings, citations }, summary, links };
}

/** Front matter `sources` lists exactly the sources the body cites. */
function checkCitationsListed(raw: RawExplainer, citations: readonly Source[], check: CheckContext): void {
  const listed = raw.frontMatter.sources;
  const citedHere = new Set(citations.map((s) => s.id));
  listed.forEach((id, j) => {
    if (check.sourceById.has(id) && !citedHere.has(id)) {
      check.list.add(raw.file, ["sources", j], `"${id}" is listed but never cited in the body`);
    }
  });
  for (const id of citedHere) {
    if (!listed.includes(id)) check.list.add(raw.file, "body", `cites "${id}" but front matter sources does not list it`);
    check.cited.add(id);
  }
}

/** Run once every explainer is rendered: links may point at another explainer's headings. */
export function checkExplainerLinks(rendered: RenderedExplainers, targets: LinkTargets, check: CheckContext): void {
  for (const e of rendered.explainers) {
    for (const href of rendered.explainerLinks.get(e.slug) ?? []) {
      const problem = checkInternalLink(href, targets);
      if (problem) {
        check.list.add(check.file(path.join(CONTENT_FILES.explainersDir, `${e.slug}.md`)), "body", `broken link ${problem}`);
      }
    }
  }
}

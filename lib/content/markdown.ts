import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from "marked";
import type { Source } from "./schemas";

/**
 * Renders an explainer body to HTML.
 *
 * Authors write plain Markdown plus citations `[@source-id]`. What is *not*
 * allowed, because the site promises sourced, reviewable text:
 * - raw HTML (it could smuggle in anything, and bypasses review),
 * - images, and `#` (h1) or `####`+ headings (the page owns the h1 and outline),
 * - external links (readers reach outside pages through cited sources instead).
 * Every violation is collected and reported together.
 */

export interface Heading {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  /** Cited sources in citation-number order: citations[0] is [1]. */
  citations: Source[];
  /** Internal hrefs used in the body, for the caller to resolve. */
  links: string[];
}

export class MarkdownError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "MarkdownError";
    this.problems = problems;
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Heading ids: lower-case ASCII words joined by hyphens ("Hanoi, February 2019" → "hanoi-february-2019"). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Plain text of inline tokens, for heading labels and slugs. */
function plainText(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) {
    if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) out += plainText(t.tokens);
    else if ("text" in t && typeof t.text === "string") out += t.text;
  }
  return out;
}

const CITATION_RE = /^\[@([^\]\s]*)\]/;

// Ids the page itself uses for the numbered source list and back-links.
const RESERVED_ID_RE = /^(?:source|cite)-\d/;

/** Counts words a reader reads: citations and link targets are not words. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/\[@[^\]]*\]/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|]/g, " ");
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function renderExplainerMarkdown(markdown: string, sources: ReadonlyMap<string, Source>): RenderedMarkdown {
  const problems: string[] = [];
  const headings: Heading[] = [];
  const citations: Source[] = [];
  const citationNumbers = new Map<string, number>();
  const citationUses = new Map<string, number>();
  const usedIds = new Set<string>();
  const links: string[] = [];

  const citation: TokenizerAndRendererExtension = {
    name: "citation",
    level: "inline",
    start(src) {
      const i = src.indexOf("[@");
      return i < 0 ? undefined : i;
    },
    tokenizer(src) {
      const m = CITATION_RE.exec(src);
      return m ? { type: "citation", raw: m[0], id: m[1] ?? "" } : undefined;
    },
    renderer(token) {
      const id: unknown = token["id"];
      const source = typeof id === "string" ? sources.get(id) : undefined;
      if (typeof id !== "string" || source === undefined) {
        problems.push(`unknown source "${String(id)}" in citation ${token.raw}`);
        return "";
      }
      let n = citationNumbers.get(id);
      if (n === undefined) {
        citations.push(source);
        n = citations.length;
        citationNumbers.set(id, n);
      }
      const k = (citationUses.get(id) ?? 0) + 1;
      citationUses.set(id, k);
      return `<sup class="cite"><a href="#source-${n}" id="cite-${n}-${k}" aria-label="Source ${n}">[${n}]</a></sup>`;
    },
  };

  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    extensions: [citation],
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const text = plainText(tokens).trim();
        if (depth !== 2 && depth !== 3) {
          problems.push(`heading "${text}" uses level ${depth}; use ## or ### only`);
          return false;
        }
        if (tokens.some((t) => t.type === "citation" || t.type === "link")) {
          problems.push(`heading "${text}" contains a citation or link; put those in the paragraph`);
        }
        const base = slugify(text);
        if (base === "" || RESERVED_ID_RE.test(base)) {
          problems.push(`heading "${text}" does not make a usable id`);
        }
        let id = base;
        for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
        usedIds.add(id);
        headings.push({ id, text, depth });
        // A visible "#" so readers can copy a link to the section (see .heading-anchor).
        const anchor = `<a class="heading-anchor" href="#${id}" aria-label="Link to this section">#</a>`;
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)} ${anchor}</h${depth}>\n`;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        problems.push(`raw HTML is not allowed: ${JSON.stringify(text.trim().slice(0, 60))}`);
        return escapeHtml(text);
      },
      image({ href }: Tokens.Image) {
        problems.push(`images are not allowed: ${href}`);
        return "";
      },
      link({ href, tokens }: Tokens.Link) {
        if (!href.startsWith("/") || href.startsWith("//")) {
          problems.push(`external link "${href}": cite a source with [@id] instead`);
        } else {
          links.push(href);
        }
        return `<a href="${escapeHtml(href)}">${this.parser.parseInline(tokens)}</a>`;
      },
    },
  });

  // Authors may write "claim [@id]"; the superscript should sit against the word, as in print.
  const html = marked.parse(markdown.replace(/[ \t]+(?=\[@)/g, ""), { async: false });
  if (problems.length > 0) throw new MarkdownError(problems);
  return { html, headings, citations, links };
}

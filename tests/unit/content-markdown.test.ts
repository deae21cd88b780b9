import { describe, expect, it } from "vitest";
import { MarkdownError, countWords, renderExplainerMarkdown, slugify } from "@/lib/content/markdown";
import type { Source } from "@/lib/content/schemas";

function source(id: string): Source {
  return {
    id,
    publisher: `Publisher ${id}`,
    title: `Title ${id}`,
    url: `https://example.com/${id}`,
    published: "2019-06-30",
    accessed: "2026-11-01",
    group: "news",
  };
}

const SOURCES = new Map(["a", "b", "c"].map((id) => [id, source(id)]));

const render = (md: string) => renderExplainerMarkdown(md, SOURCES);

function problemsOf(md: string): readonly string[] {
  try {
    render(md);
  } catch (e) {
    if (e instanceof MarkdownError) return e.problems;
    throw e;
  }
  return [];
}

describe("citations", () => {
  it("numbers sources by first appearance and counts repeat uses", () => {
    const out = render("First [@b]. Second [@a][@b]. Third [@c].");
    expect(out.citations.map((s) => s.id)).toEqual(["b", "a", "c"]);
    expect(out.html).toContain(
      '<sup class="cite"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup>',
    );
    expect(out.html).toContain('<a href="#source-2" id="cite-2-1" aria-label="Source 2">[2]</a>');
    expect(out.html).toContain('<a href="#source-1" id="cite-1-2" aria-label="Source 1">[1]</a>');
    expect(out.html).toContain('id="cite-3-1"');
  });

  it("numbers citations in headings-then-body document order across paragraphs", () => {
    const out = render("## One\n\nText [@c].\n\n## Two\n\nMore [@a] and [@c].");
    expect(out.citations.map((s) => s.id)).toEqual(["c", "a"]);
  });

  it("attaches the superscript to the preceding word", () => {
    expect(render("Claim [@a][@b].").html).toContain('Claim<sup class="cite">');
  });

  it("rejects unknown sources", () => {
    expect(problemsOf("Claim [@nope].")).toEqual(['unknown source "nope" in citation [@nope]']);
  });
});

describe("headings", () => {
  it("gets stable, unique ids and reports them", () => {
    const out = render('## Hanoi, February 2019\n\ntext\n\n### "We fell in love"\n\ntext\n\n## Hanoi, February 2019\n');
    expect(out.headings).toEqual([
      { id: "hanoi-february-2019", text: "Hanoi, February 2019", depth: 2 },
      { id: "we-fell-in-love", text: '"We fell in love"', depth: 3 },
      { id: "hanoi-february-2019-2", text: "Hanoi, February 2019", depth: 2 },
    ]);
    expect(out.html).toContain('<h2 id="hanoi-february-2019">');
    expect(out.html).toContain('<h3 id="we-fell-in-love">');
  });

  it("slugifies apostrophes and accents away", () => {
    expect(slugify("Kim's conditions")).toBe("kims-conditions");
    expect(slugify("Lidingö, outside Stockholm")).toBe("lidingo-outside-stockholm");
  });

  it("allows only ## and ###", () => {
    expect(problemsOf("# Title")).toHaveLength(1);
    expect(problemsOf("#### Deep")).toHaveLength(1);
  });
});

describe("what authors may not write", () => {
  it("rejects raw HTML, block and inline", () => {
    expect(problemsOf("<div>hi</div>")[0]).toMatch(/raw HTML/);
    expect(problemsOf("Text <script>alert(1)</script> here.")[0]).toMatch(/raw HTML/);
  });

  it("rejects external links and bare URLs, but allows internal ones", () => {
    expect(problemsOf("[x](https://example.com)")[0]).toMatch(/external link/);
    expect(problemsOf("see https://example.com now")[0]).toMatch(/external link/);
    expect(problemsOf("[x](//evil.example)")[0]).toMatch(/external link/);
    const out = render("See [the DMZ](/glossary#dmz) and [Hanoi](/explainers/the-three-meetings#hanoi-february-2019).");
    expect(out.links).toEqual(["/glossary#dmz", "/explainers/the-three-meetings#hanoi-february-2019"]);
    expect(out.html).toContain('<a href="/glossary#dmz">the DMZ</a>');
  });

  it("rejects images", () => {
    expect(problemsOf("![alt](/x.png)")[0]).toMatch(/images/);
  });

  it("escapes plain text", () => {
    expect(render("Fish & chips, 3 < 4.").html).toContain("Fish &amp; chips, 3 &lt; 4.");
  });
});

describe("countWords", () => {
  it("skips citations, link targets and Markdown punctuation", () => {
    expect(countWords("## Two words\n\nHello [@a] [the world](/glossary#dmz) — **ok**.")).toBe(6);
  });
});

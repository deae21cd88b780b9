import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CONTENT_AS_OF,
  getExplainer,
  getExplainers,
  getGlossary,
  getPeople,
  getSource,
  getSourceUsage,
  getSources,
  getTimeline,
  getWhereThingsStand,
} from "@/lib/content";
import { checkInternalLink, type LinkTargets } from "@/lib/content/links";
import { loadContent, type ContentBundle } from "@/lib/content/load";

/**
 * Checks on the real content in content/. The loader already throws on most
 * of these; the tests restate the rules so a loosened loader cannot let bad
 * content through unnoticed.
 */

const ROOT = path.join(process.cwd(), "content");

let bundle: ContentBundle;
beforeAll(() => {
  bundle = loadContent(ROOT);
});

function linkTargets(b: ContentBundle): LinkTargets {
  return {
    timelineIds: new Set(b.timeline.map((e) => e.id)),
    personIds: new Set(b.people.map((p) => p.id)),
    termIds: new Set(b.glossary.map((t) => t.id)),
    explainerHeadings: new Map(b.explainers.map((e) => [e.slug, new Set(e.headings.map((h) => h.id))])),
  };
}

/**
 * Every text file this loader owns under content/, with its path relative to
 * the root. content/quiz/ belongs to the quiz bank, which has its own checks.
 */
function contentFiles(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path.relative(ROOT, abs) !== "quiz") walk(abs);
      } else out.push({ rel: path.relative(ROOT, abs), text: fs.readFileSync(abs, "utf8") });
    }
  };
  walk(ROOT);
  return out;
}

const EXPLAINER_SLUGS = [
  "the-three-meetings",
  "the-letters",
  "denuclearization-vs-sanctions-relief",
  "north-korea-and-russia",
  "renewed-talks",
  "where-things-stand",
];

/** Quiz questions deep-link to these; renaming a heading must be deliberate. */
const EXPECTED_HEADINGS: Record<string, string[]> = {
  "the-three-meetings": [
    "the-threats-of-2017",
    "the-road-to-singapore",
    "singapore-june-2018",
    "hanoi-february-2019",
    "the-dmz-june-2019",
    "what-the-meetings-produced",
  ],
  "the-letters": [
    "letters-before-singapore",
    "we-fell-in-love",
    "the-letters-in-rage",
    "messages-in-2020",
    "the-boxes-from-mar-a-lago",
    "a-letter-refused-in-2025",
  ],
  "denuclearization-vs-sanctions-relief": [
    "two-meanings-of-denuclearization",
    "cvid-and-verification",
    "what-sanctions-relief-means",
    "hanoi-two-accounts",
    "stockholm-and-the-end-of-the-test-freeze",
    "how-the-positions-compare-since-2019",
  ],
  "north-korea-and-russia": [
    "vostochny-september-2023",
    "the-june-2024-treaty",
    "troops-sent-to-russia",
    "casualty-estimates",
    "acknowledgement-in-2025",
    "what-it-means-for-talks-with-the-us",
  ],
  "renewed-talks": [
    "the-november-2024-reports",
    "a-nuclear-power",
    "offers-and-refusals-in-2025",
    "kims-conditions",
    "no-meeting-at-apec",
    "the-party-congress-and-beijing-2026",
  ],
  "where-things-stand": [
    "what-the-us-has-said",
    "what-north-korea-has-said",
    "what-each-side-would-want-from-talks",
    "what-has-changed-since-2019",
    "what-to-watch",
    "what-this-page-does-not-cover",
  ],
};

describe("content validates", () => {
  it("loads without errors", () => {
    expect(() => loadContent(ROOT)).not.toThrow();
  });

  it("has unique ids in every collection", () => {
    for (const ids of [
      bundle.sources.map((s) => s.id),
      bundle.timeline.map((e) => e.id),
      bundle.people.map((p) => p.id),
      bundle.glossary.map((t) => t.id),
      bundle.explainers.map((e) => e.slug),
    ]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("cites only known sources, and cites every source at least once", () => {
    const known = new Set(bundle.sources.map((s) => s.id));
    const cited = new Set<string>();
    const cite = (ids: readonly string[]) => ids.forEach((id) => cited.add(id));
    bundle.timeline.forEach((e) => cite(e.sources));
    bundle.people.forEach((p) => cite(p.sources));
    bundle.glossary.forEach((t) => cite(t.sources));
    bundle.explainers.forEach((e) => {
      cite(e.sources);
      cite(e.citations.map((s) => s.id));
      // Front matter lists exactly the sources cited in the body.
      expect(new Set(e.sources)).toEqual(new Set(e.citations.map((s) => s.id)));
    });
    cite(bundle.whereThingsStand.sources);
    bundle.pictures.missileChart.years.forEach((y) => cite(y.missiles === null ? [] : y.sources));
    bundle.pictures.meetingPlaces.forEach((p) => p.meetings.forEach((m) => cite(m.sources ?? [])));
    for (const id of cited) expect(known.has(id), `unknown source ${id}`).toBe(true);
    for (const id of known) expect(cited.has(id), `uncited source ${id}`).toBe(true);
  });

  it("dates sources sensibly", () => {
    for (const s of bundle.sources) {
      expect(s.published <= CONTENT_AS_OF, s.id).toBe(true);
      expect(s.accessed >= s.published, s.id).toBe(true);
    }
  });
});

describe("timeline", () => {
  it("has at least 30 events in date order", () => {
    expect(bundle.timeline.length).toBeGreaterThanOrEqual(30);
    const dates = bundle.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("runs from 2017 to May 2026 and stops at CONTENT_AS_OF", () => {
    const first = bundle.timeline[0];
    const last = bundle.timeline.at(-1);
    expect(first?.date.startsWith("2017")).toBe(true);
    expect(last?.date.startsWith("2026-05")).toBe(true);
    expect(last?.date).toBe(CONTENT_AS_OF);
    for (const e of bundle.timeline) expect((e.endDate ?? e.date) <= CONTENT_AS_OF, e.id).toBe(true);
    for (const year of ["2017", "2018", "2019", "2020", "2022", "2023", "2024", "2025", "2026"]) {
      expect(bundle.timeline.some((e) => e.date.startsWith(year)), year).toBe(true);
    }
  });

  it("links each 'read more' to a real explainer heading", () => {
    const targets = linkTargets(bundle);
    for (const e of bundle.timeline) {
      if (!e.explainer) continue;
      const href = `/explainers/${e.explainer.slug}${e.explainer.anchor ? `#${e.explainer.anchor}` : ""}`;
      expect(checkInternalLink(href, targets), e.id).toBeNull();
    }
  });

  it("keeps the corrected facts the seed articles got wrong", () => {
    const byId = new Map(bundle.timeline.map((e) => [e.id, e]));
    const troops = byId.get("troops-to-russia")?.summary ?? "";
    expect(troops).toMatch(/12,000/);
    expect(troops).toMatch(/11,000/);
    const handover = byId.get("letters-leave-mar-a-lago");
    expect(handover?.date).toBe("2022-01");
    expect(handover?.summary).toMatch(/handover, not a seizure/);
    expect(handover?.summary).toMatch(/8 August 2022/);
    const speech = byId.get("arms-exhibition-speech");
    expect(speech?.summary).toMatch(/exhibition/);
    expect(speech?.summary).not.toMatch(/parade/i);
    expect(speech?.summary).toMatch(/Reuters' translation/);
    expect(byId.get("reuters-direct-talks-report")?.date).toBe("2024-11-26");
  });
});

describe("explainers", () => {
  it("are the six required slugs, in order", () => {
    expect(bundle.explainers.map((e) => e.slug)).toEqual(EXPLAINER_SLUGS);
  });

  it.each(EXPLAINER_SLUGS)("%s is 600–1,200 words with 3–5 takeaways and dense citations", (slug) => {
    const e = bundle.explainers.find((x) => x.slug === slug);
    expect(e).toBeDefined();
    if (!e) return;
    expect(e.wordCount).toBeGreaterThanOrEqual(600);
    expect(e.wordCount).toBeLessThanOrEqual(1200);
    expect(e.takeaways.length).toBeGreaterThanOrEqual(3);
    expect(e.takeaways.length).toBeLessThanOrEqual(5);
    expect(e.description.length).toBeLessThanOrEqual(160);
    // "Roughly every paragraph": at least one citation per 120 words.
    const citationCount = (e.html.match(/class="cite"/g) ?? []).length;
    expect(citationCount).toBeGreaterThanOrEqual(Math.floor(e.wordCount / 120));
  });

  it("keep the heading ids the quiz links to", () => {
    for (const [slug, ids] of Object.entries(EXPECTED_HEADINGS)) {
      const e = bundle.explainers.find((x) => x.slug === slug);
      expect(e?.headings.map((h) => h.id), slug).toEqual(ids);
    }
  });

  it("link only to pages and anchors that exist", () => {
    const targets = linkTargets(bundle);
    let count = 0;
    for (const [slug, links] of bundle.explainerLinks) {
      for (const href of links) {
        count++;
        expect(checkInternalLink(href, targets), `${slug}: ${href}`).toBeNull();
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it("contain no raw HTML in the Markdown source", () => {
    for (const f of contentFiles().filter((x) => x.rel.endsWith(".md"))) {
      expect(f.text, f.rel).not.toMatch(/<\/?[A-Za-z!?][^>]*>/);
    }
  });
});

describe("wording", () => {
  // The seed articles' tabloid words and known errors must not come back.
  const BANNED: RegExp[] = [
    /bromance/i,
    /despot/i,
    /frenemies/i,
    /tens of thousands/i,
    /Kim Jon-un/,
    /American premier/i,
    /gun-touting/i,
    /explored every possible avenue/i,
    /demanded full (sanctions )?relief/i,
    /falling in love/i,
    /send 10,000 troops/i,
    /Hagerty/,
  ];

  it("avoids banned words and repeated seed errors everywhere", () => {
    for (const f of contentFiles()) {
      for (const re of BANNED) expect(f.text, `${f.rel} matches ${re}`).not.toMatch(re);
    }
  });

  it("never says the letters were 'seized' outside source titles", () => {
    for (const f of contentFiles().filter((x) => x.rel !== "sources.json")) {
      expect(f.text, f.rel).not.toMatch(/\bseized\b/i);
    }
  });
});

/** Everyone and every term the fact sheet names. */
const FACT_SHEET = {
  people: [
    "donald-trump",
    "kim-jong-un",
    "kim-yo-jong",
    "kim-yong-chol",
    "ri-yong-ho",
    "kim-myong-gil",
    "moon-jae-in",
    "chung-eui-yong",
    "mike-pompeo",
    "stephen-biegun",
    "john-bolton",
    "vladimir-putin",
    "lee-jae-myung",
    "bob-woodward",
  ],
  glossary: [
    "dprk",
    "rok",
    "denuclearization",
    "cvid",
    "ffvd",
    "sanctions-relief",
    "maximum-pressure",
    "yongbyon",
    "punggye-ri",
    "icbm",
    "moratorium",
    "armistice",
    "dmz",
    "military-demarcation-line",
    "panmunjom",
    "peace-regime",
    "war-games",
    "working-level-talks",
    "kcna",
    "comprehensive-strategic-partnership-treaty",
    "kursk",
  ],
} as const;

describe("people and glossary", () => {
  it.each(["people", "glossary"] as const)("%s include every entry from the fact sheet", (kind) => {
    const ids = new Set(bundle[kind].map((item) => item.id));
    for (const id of FACT_SHEET[kind]) expect(ids.has(id), id).toBe(true);
  });
});

describe("public API", () => {
  it("returns sources and throws on unknown ids", () => {
    expect(getSources().length).toBe(bundle.sources.length);
    expect(getSource("wapo-2019-06-30-dmz").publisher).toBe("The Washington Post");
    expect(() => getSource("no-such-source")).toThrow(/no-such-source/);
  });

  it("reports where every source is used", () => {
    const usage = getSourceUsage();
    expect(usage.size).toBe(bundle.sources.length);
    for (const [id, uses] of usage) {
      expect(uses.length, id).toBeGreaterThan(0);
      for (const use of uses) expect(use.href.startsWith("/"), use.href).toBe(true);
    }
    const dmz = usage.get("wapo-2019-06-30-dmz") ?? [];
    expect(dmz).toContainEqual({
      kind: "timeline",
      id: "dmz-meeting",
      title: "Trump and Kim meet at the DMZ",
      href: "/timeline#dmz-meeting",
    });
  });

  it("orders explainers and returns bodies only from getExplainer", () => {
    const summaries = getExplainers();
    expect(summaries.map((s) => s.slug)).toEqual(EXPLAINER_SLUGS);
    expect(summaries[0]).not.toHaveProperty("html");
    expect(summaries[0]?.readingMinutes).toBeGreaterThan(0);
    const full = getExplainer("the-letters");
    expect(full?.html).toContain('<h2 id="the-boxes-from-mar-a-lago">');
    expect(full?.citations[0]).toBeDefined();
    expect(getExplainer("no-such-explainer")).toBeUndefined();
  });

  it("returns the timeline chronologically and the glossary alphabetically", () => {
    const dates = getTimeline().map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const terms = getGlossary().map((t) => t.term);
    expect([...terms].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))).toEqual(terms);
    expect(getPeople()[0]?.id).toBe("donald-trump");
  });

  it("gives copies, so callers cannot change the cache", () => {
    getTimeline().reverse();
    const dates = getTimeline().map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("summarises where things stand as of CONTENT_AS_OF", () => {
    const w = getWhereThingsStand();
    expect(w.asOf).toBe(CONTENT_AS_OF);
    expect(w.paragraphs.length).toBeGreaterThan(0);
    expect(w.paragraphs.join(" ")).toMatch(/later events may not be covered/);
    for (const id of w.sources) expect(() => getSource(id)).not.toThrow();
  });
});

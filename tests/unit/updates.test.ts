import { describe, expect, it } from "vitest";
import { getUpdates } from "@/lib/content";
import { ContentError } from "@/lib/content/errors";
import type { LinkTargets } from "@/lib/content/links";
import { loadContent } from "@/lib/content/load";
import { checkContext } from "@/lib/content/references";
import { UpdateEntry, type Source } from "@/lib/content/schemas";
import { checkQuestionUpdates, checkUpdates, targetHref, utcToday, withIds } from "@/lib/content/updates";
import { getBank } from "@/lib/questions/bank";
import { atomFeed } from "@/lib/updates/feed";

/** The corrections and updates log: its schema, its cross-checks, and the Atom feed written from it. */

const source: Source = {
  id: "known-source",
  publisher: "Fixture Press",
  title: "A report",
  url: "https://example.org/report",
  published: "2024-11-20",
  accessed: "2026-12-01",
  group: "news",
};

const targets: LinkTargets = {
  timelineIds: new Set(["russia-treaty"]),
  personIds: new Set(["kim-jong-un"]),
  termIds: new Set(["yongbyon"]),
  explainerHeadings: new Map([["north-korea-and-russia", new Set(["the-june-2024-treaty"])]]),
};

const entry = (over: Partial<UpdateEntry> = {}): UpdateEntry => ({
  date: "2026-12-05",
  target: { kind: "event", id: "russia-treaty" },
  type: "correction",
  summary: "The entry said one thing. It now says another.",
  reason: "The earlier text was wrong.",
  sources: ["known-source"],
  ...over,
});

/** The messages checkUpdates reports for these entries, as "path: message". */
function problems(entries: UpdateEntry[], today = "2026-12-05"): string[] {
  const check = checkContext("/tmp/content", [source]);
  checkUpdates(entries, targets, check, today);
  try {
    check.list.throwIfAny();
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
}

describe("UpdateEntry schema", () => {
  it("accepts each kind of target", () => {
    for (const target of [
      { kind: "explainer", slug: "north-korea-and-russia", anchor: "the-june-2024-treaty" },
      { kind: "explainer", slug: "north-korea-and-russia" },
      { kind: "event", id: "russia-treaty" },
      { kind: "question", id: "troop-estimate", version: 2 },
      { kind: "person", id: "kim-jong-un" },
      { kind: "term", id: "yongbyon" },
    ]) {
      expect(UpdateEntry.safeParse({ ...entry(), target }).success, JSON.stringify(target)).toBe(true);
    }
  });

  it("refuses a question target without a version, an unknown type, a field typo, a false date and no sources", () => {
    const refused = [
      { ...entry(), target: { kind: "question", id: "troop-estimate" } },
      { ...entry(), type: "erratum" },
      { ...entry(), soruces: ["known-source"] },
      { ...entry(), date: "2026-02-30" },
      { ...entry(), sources: [] },
      { ...entry(), target: { kind: "event", id: "Russia Treaty" } },
    ];
    for (const value of refused) expect(UpdateEntry.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });
});

describe("checkUpdates", () => {
  it("accepts entries whose places and sources exist", () => {
    expect(
      problems([
        entry(),
        entry({ target: { kind: "explainer", slug: "north-korea-and-russia", anchor: "the-june-2024-treaty" } }),
        entry({ target: { kind: "person", id: "kim-jong-un" } }),
        entry({ target: { kind: "term", id: "yongbyon" } }),
      ]),
    ).toEqual([]);
  });

  it("names every missing place, source and future date", () => {
    expect(
      problems([
        entry({ target: { kind: "event", id: "no-such-event" } }),
        entry({ target: { kind: "explainer", slug: "no-such-explainer" } }),
        entry({ target: { kind: "explainer", slug: "north-korea-and-russia", anchor: "no-such-heading" } }),
        entry({ target: { kind: "person", id: "nobody" } }),
        entry({ target: { kind: "term", id: "no-term" } }),
        entry({ sources: ["unknown-source"] }),
        entry({ date: "2026-12-06" }),
        entry({ type: "withdrawal" }),
      ]),
    ).toEqual([
      '[0].target.id: unknown timeline event "no-such-event"',
      '[1].target.slug: unknown explainer "no-such-explainer"',
      '[2].target.anchor: no heading "no-such-heading" in "north-korea-and-russia"',
      '[3].target.id: unknown person "nobody"',
      '[4].target.id: unknown glossary term "no-term"',
      '[5].sources[0]: unknown source "unknown-source"',
      "[6].date: 2026-12-06 is in the future (today is 2026-12-05)",
      "[7].type: only a quiz question can be withdrawn",
    ]);
  });

  it("takes today in UTC", () => {
    expect(utcToday(new Date("2026-12-05T23:59:59Z"))).toBe("2026-12-05");
  });
});

describe("checkQuestionUpdates", () => {
  const versions = new Map([["troop-estimate", 2]]);
  const about = (id: string, version: number) => withIds([entry({ target: { kind: "question", id, version } })]);

  it("accepts the current version and earlier ones", () => {
    expect(checkQuestionUpdates(about("troop-estimate", 2), versions)).toEqual([]);
    expect(checkQuestionUpdates(about("troop-estimate", 1), versions)).toEqual([]);
  });

  it("refuses a later version and an unknown question", () => {
    expect(checkQuestionUpdates(about("troop-estimate", 3), versions).map((i) => i.message)).toEqual([
      '"troop-estimate" is at version 2, not 3',
    ]);
    expect(checkQuestionUpdates(about("no-question", 1), versions).map((i) => i.message)).toEqual([
      'unknown quiz question "no-question"',
    ]);
  });

  it("takes a withdrawal only of a question gone from the bank, and keeps that question's earlier entries", () => {
    const withdrawal = (id: string) => entry({ type: "withdrawal", target: { kind: "question", id, version: 1 } });
    expect(checkQuestionUpdates(withIds([withdrawal("old-question"), ...about("old-question", 1)]), versions)).toEqual([]);
    expect(checkQuestionUpdates(withIds([withdrawal("troop-estimate")]), versions).map((i) => i.message)).toEqual([
      '"troop-estimate" is withdrawn but still in the bank',
    ]);
  });
});

describe("entry ids and links", () => {
  it("gives each entry a stable anchor, numbering a second change to the same place on the same day", () => {
    const ids = withIds([entry(), entry(), entry({ date: "2026-12-04" })]).map((e) => e.id);
    expect(ids).toEqual(["2026-12-05-event-russia-treaty", "2026-12-05-event-russia-treaty-2", "2026-12-04-event-russia-treaty"]);
  });

  it("links each kind of target to where it shows", () => {
    expect(targetHref({ kind: "explainer", slug: "the-letters", anchor: "rage" })).toBe("/explainers/the-letters#rage");
    expect(targetHref({ kind: "explainer", slug: "the-letters" })).toBe("/explainers/the-letters");
    expect(targetHref({ kind: "event", id: "russia-treaty" })).toBe("/timeline#russia-treaty");
    expect(targetHref({ kind: "person", id: "kim-jong-un" })).toBe("/people#kim-jong-un");
    expect(targetHref({ kind: "term", id: "yongbyon" })).toBe("/glossary#yongbyon");
    expect(targetHref({ kind: "question", id: "troop-estimate", version: 1 })).toBe("/quiz");
  });
});

describe("the site's own log", () => {
  it("loads with the rest of content/ and matches the bank's question versions", () => {
    const bundle = loadContent();
    expect(bundle.updates.length).toBeGreaterThan(0);
    const versions = new Map(getBank().questions.map((q) => [q.id, q.version]));
    expect(checkQuestionUpdates(bundle.updates, versions)).toEqual([]);
  });

  it("is listed newest first, with unique ids", () => {
    const updates = getUpdates();
    expect(updates.map((u) => u.date)).toEqual([...updates.map((u) => u.date)].sort().reverse());
    expect(new Set(updates.map((u) => u.id)).size).toBe(updates.length);
  });
});

describe("atomFeed", () => {
  const [logged] = withIds([entry({ summary: 'It said "A & B" <then>.' })]);
  const xml = atomFeed({
    siteName: "Trump and Kim, explained",
    siteUrl: new URL("https://example.org/"),
    entries: logged ? [{ entry: logged, place: { href: "/timeline#russia-treaty", label: "Timeline: The treaty" }, typeLabel: "Correction" }] : [],
    fallbackUpdated: "2026-11-23",
  });

  it("is an Atom feed with absolute links, dated by its newest entry", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain("<id>https://example.org/updates</id>");
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/updates/feed.xml"/>');
    expect(xml).toContain("  <updated>2026-12-05T00:00:00Z</updated>");
    expect(xml).toContain("<id>https://example.org/updates#2026-12-05-event-russia-treaty</id>");
    expect(xml).toContain('href="https://example.org/timeline#russia-treaty"');
  });

  it("escapes text", () => {
    expect(xml).toContain("It said &quot;A &amp; B&quot; &lt;then&gt;.");
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content/errors";
import { loadContent } from "@/lib/content/load";

/**
 * Broken content must fail with a message naming the file and the field. Each
 * test copies the real content/ to a temporary folder called "content", breaks
 * one thing, and checks the message.
 */

const REAL_ROOT = path.join(process.cwd(), "content");
let tmp: string;
let root: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "content-errors-"));
  root = path.join(tmp, "content");
  fs.cpSync(REAL_ROOT, root, { recursive: true });
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

function editJson(rel: string, edit: (data: Json[]) => void): void {
  const file = path.join(root, rel);
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Json[];
  edit(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

function editText(rel: string, edit: (text: string) => string): void {
  const file = path.join(root, rel);
  fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
}

function loadError(): ContentError {
  try {
    loadContent(root);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error("expected loadContent to throw");
}

function at<T>(items: T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`fixture has no item ${i}`);
  return item;
}

describe("content errors name the file and the field", () => {
  it("the unmodified copy loads", () => {
    expect(() => loadContent(root)).not.toThrow();
  });

  it("unknown source in the timeline", () => {
    editJson("timeline.json", (events) => {
      at(events, 12).sources = ["foo"];
    });
    expect(loadError().message).toBe('content/timeline.json: [12].sources[0]: unknown source "foo"');
  });

  it("schema problems carry the zod path", () => {
    editJson("timeline.json", (events) => {
      at(events, 0).date = "2017-13-01";
      delete at(events, 3).summary;
    });
    const error = loadError();
    expect(error.message).toMatch(/^content\/timeline\.json: \[0\]\.date: .*YYYY-MM-DD/m);
    expect(error.message).toMatch(/^content\/timeline\.json: \[3\]\.summary: /m);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
  });

  it("misspelled field names are rejected, not ignored", () => {
    editJson("people.json", (people) => {
      at(people, 1).soruces = [];
    });
    expect(loadError().message).toMatch(/^content\/people\.json: \[1\]: .*soruces/m);
  });

  it("timeline out of order", () => {
    editJson("timeline.json", (events) => {
      const [first, second] = [at(events, 0), at(events, 1)];
      events[0] = second;
      events[1] = first;
    });
    expect(loadError().message).toMatch(/content\/timeline\.json: \[1\]\.date: events must be in date order/);
  });

  it("timeline link to a missing explainer heading", () => {
    editJson("timeline.json", (events) => {
      at(events, 0).explainer = { slug: "the-three-meetings", anchor: "no-such-heading" };
    });
    expect(loadError().message).toBe(
      'content/timeline.json: [0].explainer.anchor: no heading "no-such-heading" in "the-three-meetings"',
    );
  });

  it("duplicate ids", () => {
    editJson("glossary.json", (terms) => {
      at(terms, 2).id = at(terms, 0).id;
    });
    expect(loadError().message).toMatch(/content\/glossary\.json: \[2\]\.id: duplicate id "dprk" \(also at \[0\]\)/);
  });

  it("a source nobody cites", () => {
    editJson("sources.json", (sources) => {
      sources.push({ ...at(sources, 0), id: "orphan-source" });
    });
    const error = loadError();
    expect(error.message).toMatch(/content\/sources\.json: \[\d+\]\.id: source "orphan-source" is not cited/);
  });

  it("invalid JSON", () => {
    editText("glossary.json", (t) => t.replace("[", "[,"));
    expect(loadError().message).toMatch(/^content\/glossary\.json: \(root\): invalid JSON/);
  });

  it("explainer front matter", () => {
    editText("explainers/the-letters.md", (t) => t.replace("quizTopic: letters", "quizTopic: gossip"));
    expect(loadError().message).toMatch(/^content\/explainers\/the-letters\.md: quizTopic: /);
  });

  it("explainer body: raw HTML, unknown citation and broken link", () => {
    editText(
      "explainers/renewed-talks.md",
      (t) => `${t}\nA <b>bold</b> claim [@nope], see [here](/timeline#nowhere).\n`,
    );
    const message = loadError().message;
    expect(message).toMatch(/content\/explainers\/renewed-talks\.md: body: raw HTML is not allowed/);
    expect(message).toMatch(/content\/explainers\/renewed-talks\.md: body: unknown source "nope"/);
  });

  it("explainer body: broken internal link", () => {
    editText("explainers/renewed-talks.md", (t) => `${t}\nSee [here](/timeline#nowhere) [@rfa-2025-01-21-nuclear-power].\n`);
    expect(loadError().message).toBe(
      'content/explainers/renewed-talks.md: body: broken link "/timeline#nowhere": no timeline event with id "nowhere"',
    );
  });

  it("front matter sources must match the citations in the body", () => {
    editText("explainers/the-letters.md", (t) => t.replace("  - upi-2025-07-29-not-bad\n", ""));
    expect(loadError().message).toBe(
      'content/explainers/the-letters.md: body: cites "upi-2025-07-29-not-bad" but front matter sources does not list it',
    );
  });
});

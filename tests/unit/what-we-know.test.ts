import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getWhatWeKnow } from "@/lib/content";
import { loadContent, type ContentBundle } from "@/lib/content/load";
import { checkContext, checkWhatWeKnow } from "@/lib/content/references";
import { WhatWeKnow } from "@/lib/content/schemas";

/** The "what we know / what we don't / disputed" boxes: their schema, their cover of the explainers, their sources. */

const ROOT = path.join(process.cwd(), "content");
let bundle: ContentBundle;
beforeAll(() => {
  bundle = loadContent(ROOT);
});

const point = (text: string, sources = ["wapo-2019-02-28-hanoi-walk"]) => ({ text, sources });
const validBox = () => ({
  explainer: "the-three-meetings",
  known: [point("Trump and Kim met three times between 2018 and 2019.")],
  unknown: [point("Whether they will meet again is not known.")],
  disputed: [
    {
      question: "Why did Hanoi fail?",
      accounts: [
        { who: "The United States", ...point("The US says North Korea wanted all sanctions lifted.") },
        { who: "North Korea", ...point("North Korea says it asked for partial relief only.") },
      ],
    },
  ],
});

describe("schema", () => {
  it("accepts a valid box", () => {
    expect(WhatWeKnow.safeParse(validBox()).success).toBe(true);
  });

  it("wants each point to be one sentence", () => {
    const box = validBox();
    box.known = [point("They met in Singapore. They met again in Hanoi.")];
    expect(WhatWeKnow.safeParse(box).error?.issues[0]?.message).toBe("each point is one sentence");
  });

  it("wants at least one source per point and per account", () => {
    const box = validBox();
    box.unknown = [point("Whether they will meet again is not known.", [])];
    expect(WhatWeKnow.safeParse(box).error?.issues[0]?.path).toEqual(["unknown", 0, "sources"]);
  });

  it("wants a disputed point to give at least two accounts", () => {
    const box = validBox();
    box.disputed[0]?.accounts.pop();
    expect(WhatWeKnow.safeParse(box).error?.issues[0]?.message).toBe("a disputed point gives at least two accounts");
  });

  it("wants something known and something not known", () => {
    expect(WhatWeKnow.safeParse({ ...validBox(), known: [] }).success).toBe(false);
    expect(WhatWeKnow.safeParse({ ...validBox(), unknown: [] }).success).toBe(false);
  });
});

describe("cross-checks", () => {
  const problems = (boxes: WhatWeKnow[], slugs: string[]) => {
    const check = checkContext(ROOT, bundle.sources);
    checkWhatWeKnow(boxes, slugs, check);
    try {
      check.list.throwIfAny();
      return "";
    } catch (e) {
      return (e as Error).message;
    }
  };

  it("name an unknown source in a disputed account", () => {
    const box = WhatWeKnow.parse(validBox());
    box.disputed[0]?.accounts[1]?.sources.push("no-such-source");
    expect(problems([box], ["the-three-meetings"])).toContain(
      'content/what-we-know.json: [0].disputed[0].accounts[1].sources[1]: unknown source "no-such-source"',
    );
  });

  it("name an explainer without a box, a box without an explainer, and a second box", () => {
    const box = WhatWeKnow.parse(validBox());
    const message = problems([box, box, { ...box, explainer: "no-such-explainer" }], ["the-three-meetings", "the-letters"]);
    expect(message).toContain('a second box for "the-three-meetings"');
    expect(message).toContain('unknown explainer "no-such-explainer"');
    expect(message).toContain('no "what we know" box for explainer "the-letters"');
  });
});

describe("the real boxes", () => {
  it("cover every explainer, one box each", () => {
    const slugs = bundle.explainers.map((e) => e.slug).sort();
    expect(bundle.whatWeKnow.map((b) => b.explainer).sort()).toEqual(slugs);
    for (const slug of slugs) expect(getWhatWeKnow(slug).explainer).toBe(slug);
  });

  it("cite only sources in the registry", () => {
    const ids = new Set(bundle.sources.map((s) => s.id));
    for (const box of bundle.whatWeKnow) {
      const cited = [
        ...box.known.flatMap((p) => p.sources),
        ...box.unknown.flatMap((p) => p.sources),
        ...box.disputed.flatMap((d) => d.accounts.flatMap((a) => a.sources)),
      ];
      for (const id of cited) expect(ids.has(id), `${box.explainer} cites ${id}`).toBe(true);
    }
  });

  it("give both sides of the two disputes the issue names: Hanoi, and the troops sent to Russia", () => {
    const hanoi = getWhatWeKnow("the-three-meetings").disputed.find((d) => /Hanoi/.test(d.question));
    expect(hanoi?.accounts.map((a) => a.who)).toEqual(["The United States", "North Korea"]);
    // South Korean and US estimates of the number sent agree, so the count is a known point;
    // what the sources dispute is how many of the troops were killed or wounded.
    const russia = getWhatWeKnow("north-korea-and-russia");
    expect(russia.known.some((p) => /11,000–12,000/.test(p.text))).toBe(true);
    const casualties = russia.disputed.find((d) => /troops/.test(d.question) && /killed or wounded/.test(d.question));
    expect(casualties?.accounts.length).toBeGreaterThanOrEqual(2);
  });
});

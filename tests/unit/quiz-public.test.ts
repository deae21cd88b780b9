import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceOrder } from "@/lib/questions/draw";
import { toPublicQuestion } from "@/lib/questions/public";
import type { PublicQuestion, Question } from "@/lib/questions/schemas";
import { HANDWRITTEN, generatedQuestions, orderQ, seededRandom, singleQ } from "./quiz-fixtures";

/**
 * The answer key must not reach the browser before a question is answered.
 * The public shape is built so this can be checked mechanically: no field
 * may be a boolean (a true/false key would be one), only known keys may
 * appear, choices carry exactly {id, text}, and nothing from the
 * explanation, sources or learn-more link is present.
 */

const ALLOWED_KEYS = new Set(["id", "index", "total", "prompt", "difficulty", "kind", "options", "items", "quote", "context", "text", "unit", "range", "min", "max", "step"]);
const FORBIDDEN_MARKERS = ['"answer"', '"correct"', '"isCorrect"', '"explanation"', '"sources"', '"learnMore"', '"version"', ":true", ":false"];

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walk(child, visit);
    }
  }
}

function assertNoKey(question: Question, pub: PublicQuestion): void {
  const json = JSON.stringify(pub);
  for (const marker of FORBIDDEN_MARKERS) expect(json).not.toContain(marker);
  expect(json).not.toContain(JSON.stringify(question.explanation).slice(1, -1));
  for (const source of question.sources) expect(json).not.toContain(source);
  expect(json).not.toContain("/explainers/");

  walk(JSON.parse(json), (key, value) => {
    expect(ALLOWED_KEYS, `unexpected key "${key}"`).toContain(key);
    expect(typeof value).not.toBe("boolean");
  });

  const choices = pub.kind === "order" ? pub.items : pub.kind === "true-false" || pub.kind === "estimate" ? [] : pub.options;
  for (const choice of choices) expect(Object.keys(choice).sort()).toEqual(["id", "text"]);

  if (question.kind === "order") {
    expect(choices.map((c) => c.id)).not.toEqual(question.items.map((i) => i.id));
  }
}

const BANK = [...HANDWRITTEN, ...generatedQuestions()];

describe("toPublicQuestion", () => {
  it("never contains the answer, for every question and many shuffles", () => {
    const random = seededRandom(11);
    for (const question of BANK) {
      for (let i = 0; i < 20; i += 1) assertNoKey(question, toPublicQuestion(question, choiceOrder(question, random), 3, 10));
    }
  });

  it("property: holds for any stored order, even a stale or solved one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BANK), fc.array(fc.constantFrom("alpha", "bravo", "hanoi", "singapore", "dmz", "zzz")), (question, order) => {
        assertNoKey(question, toPublicQuestion(question, order, 0, 5));
      }),
    );
  });

  it("shows options in the attempt's order, with index and total", () => {
    const pub = toPublicQuestion(singleQ, ["panmunjom", "singapore", "stockholm", "hanoi"], 0, 5);
    expect(pub).toEqual({
      id: "fx-single",
      index: 0,
      total: 5,
      kind: "single",
      prompt: singleQ.prompt,
      difficulty: "easy",
      options: [
        { id: "panmunjom", text: "Panmunjom" },
        { id: "singapore", text: "Singapore" },
        { id: "stockholm", text: "Stockholm" },
        { id: "hanoi", text: "Hanoi" },
      ],
    });
  });

  it("keeps every option when the stored order is stale", () => {
    const pub = toPublicQuestion(singleQ, ["hanoi", "removed"], 0, 1);
    expect(pub.kind === "single" && pub.options.map((o) => o.id)).toEqual(["hanoi", "singapore", "panmunjom", "stockholm"]);
  });

  it("never hands out an ordering question solved, even from a solved stored order", () => {
    const pub = toPublicQuestion(orderQ, ["singapore", "hanoi", "dmz"], 0, 1);
    expect(pub.kind === "order" && pub.items.map((i) => i.id)).toEqual(["hanoi", "dmz", "singapore"]);
  });

  it("gives true/false questions no options at all", () => {
    const tf = BANK.find((q) => q.kind === "true-false");
    if (!tf) throw new Error("fixture");
    expect(Object.keys(toPublicQuestion(tf, [], 0, 1)).sort()).toEqual(["difficulty", "id", "index", "kind", "prompt", "total"]);
  });
});

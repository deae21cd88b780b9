import { describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content/errors";
import { validateBank, type BankReferences } from "@/lib/questions/bank-validate";
import { orderQ, singleQ, trueFalseQ } from "./quiz-fixtures";

const refs: BankReferences = {
  hasSource: (id) => id === "src-one",
  explainerHeadings: (slug) => (slug === "the-three-meetings" ? new Set(["singapore", "hanoi"]) : undefined),
};

function problems(files: { file: string; data: unknown }[]): string[] {
  try {
    validateBank(files, refs);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
  }
}

describe("validateBank", () => {
  it("returns the questions of valid files, in file order", () => {
    const questions = validateBank(
      [
        { file: "content/quiz/a.json", data: [singleQ] },
        { file: "content/quiz/b.json", data: [trueFalseQ, orderQ] },
      ],
      refs,
    );
    expect(questions.map((q) => q.id)).toEqual(["fx-single", "fx-true-false", "fx-order"]);
  });

  it("names file, field and question for schema problems", () => {
    expect(problems([{ file: "content/quiz/meetings.json", data: [trueFalseQ, { ...singleQ, answer: "geneva" }] }])).toEqual([
      'content/quiz/meetings.json: [1].answer: question "fx-single": "geneva" is not one of the option ids',
    ]);
  });

  it("names unknown sources and learn-more targets", () => {
    const bad = { ...singleQ, sources: ["src-one", "nope"], learnMore: { slug: "the-three-meetings", anchor: "geneva" } };
    const other = { ...trueFalseQ, learnMore: { slug: "no-such-explainer", anchor: "x" } };
    expect(problems([{ file: "content/quiz/x.json", data: [bad, other] }])).toEqual([
      'content/quiz/x.json: [0].sources[1]: question "fx-single": unknown source "nope" (not in content/sources.json)',
      'content/quiz/x.json: [0].learnMore.anchor: question "fx-single": no heading "geneva" in explainer "the-three-meetings"',
      'content/quiz/x.json: [1].learnMore.slug: question "fx-true-false": no explainer "no-such-explainer"',
    ]);
  });

  it("refuses an id used twice, naming the first file", () => {
    expect(
      problems([
        { file: "content/quiz/a.json", data: [singleQ] },
        { file: "content/quiz/b.json", data: [singleQ] },
      ]),
    ).toEqual(['content/quiz/b.json: [0].id: question "fx-single": id already used in content/quiz/a.json']);
  });

  it("refuses a file that is not an array of questions", () => {
    expect(problems([{ file: "content/quiz/a.json", data: { questions: [] } }])[0]).toMatch(/^content\/quiz\/a\.json: \(root\): /);
    expect(problems([{ file: "content/quiz/a.json", data: [] }])[0]).toMatch(/at least one question/);
  });

  it("reports every problem at once", () => {
    expect(
      problems([
        { file: "content/quiz/a.json", data: [{ ...singleQ, version: 0 }] },
        { file: "content/quiz/b.json", data: [{ ...trueFalseQ, sources: ["nope"] }] },
      ]),
    ).toHaveLength(2);
  });
});

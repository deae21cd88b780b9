import { describe, expect, it } from "vitest";
import { closenessCredit, closenessOf } from "@/lib/questions/closeness";
import { QuestionError } from "@/lib/questions/errors";
import { answerSchema } from "@/lib/questions/requests";
import { Question } from "@/lib/questions/schemas";
import { isCorrect, normalizeAnswer } from "@/lib/questions/scoring";
import { estimateQ } from "./quiz-fixtures";

// estimateQ: figure 27 letters, range 0–60 step 1, full ±2, none ±15.
describe("closenessCredit", () => {
  it.each([
    [27, 1],
    [29, 1],
    [25, 1],
    [35.5, 0.5],
    [18.5, 0.5],
    [42, 0],
    [12, 0],
    [60, 0],
    [0, 0],
  ])("an estimate of %d earns %d", (value, credit) => {
    expect(closenessCredit(estimateQ as Extract<Question, { kind: "estimate" }>, value)).toBeCloseTo(credit);
  });

  it("names the closeness", () => {
    expect([closenessOf(1), closenessOf(0.4), closenessOf(0)]).toEqual(["full", "partial", "none"]);
  });
});

describe("estimate answers", () => {
  it("accepts both ends of the range and scores only full closeness as right", () => {
    expect(normalizeAnswer(estimateQ, "0")).toBe("0");
    expect(normalizeAnswer(estimateQ, "60")).toBe("60");
    expect(isCorrect(estimateQ, "28")).toBe(true);
    expect(isCorrect(estimateQ, "33")).toBe(false);
  });

  it.each(["61", "-1", "27.5", "0x1b", "1e1", "twenty"])("refuses %s with a message naming the range", (answer) => {
    expect(() => normalizeAnswer(estimateQ, answer)).toThrow(new QuestionError("invalid_answer", "Give a number from 0 to 60 letters."));
  });

  it("takes a number sent as JSON as the same answer as its digits in a form", () => {
    expect(answerSchema.parse({ questionId: estimateQ.id, answer: 27 })).toEqual({ questionId: estimateQ.id, answer: "27" });
    expect(answerSchema.safeParse({ questionId: estimateQ.id, answer: true }).success).toBe(false);
  });
});

describe("estimate schema", () => {
  const base = { ...estimateQ };
  it.each([
    ["an answer outside the range", { answer: 61 }],
    ["an answer off the step", { range: { min: 0, max: 60, step: 5 }, answer: 27 }],
    ["min above max", { range: { min: 60, max: 0, step: 1 } }],
    ["full not below none", { closeness: { full: 15, none: 15 } }],
    ["a claim citing a source the question does not", {
      claims: [
        { who: "One", figure: "about 20", source: "src-one" },
        { who: "Two", figure: "about 30", source: "src-other" },
      ],
    }],
  ])("refuses %s", (_, change) => {
    expect(Question.safeParse({ ...base, ...change }).success).toBe(false);
  });
});

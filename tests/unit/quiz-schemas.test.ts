import { describe, expect, it } from "vitest";
import { Question } from "@/lib/questions/schemas";
import { answerSchema } from "@/lib/questions/requests";
import { startQuizSchema } from "@/lib/quiz/requests";
import { orderQ, singleQ, whoSaidQ } from "./quiz-fixtures";

const messages = (value: unknown) => {
  const parsed = Question.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("Question schema", () => {
  it("accepts the fixtures", () => {
    for (const q of [singleQ, orderQ, whoSaidQ]) expect(messages(q)).toEqual([]);
  });

  it("needs the answer to be one of the options", () => {
    expect(messages({ ...singleQ, answer: "geneva" })).toContain('answer: "geneva" is not one of the option ids');
  });

  it("refuses duplicate option ids, single-letter ids and the wrong number of options", () => {
    if (singleQ.kind !== "single") throw new Error("fixture");
    const [first, second] = singleQ.options;
    expect(messages({ ...singleQ, options: [first, first, second] }).join()).toMatch(/used twice/);
    expect(messages({ ...singleQ, options: [{ id: "a", text: "A" }, ...singleQ.options.slice(1)] }).join()).toMatch(/not a letter/);
    expect(messages({ ...singleQ, options: singleQ.options.slice(0, 2) }).join()).toMatch(/3–4 options/);
  });

  it("refuses order item ids that give the answer away", () => {
    expect(
      messages({ ...orderQ, items: [{ id: "alpha", text: "A" }, { id: "bravo", text: "B" }, { id: "charlie", text: "C" }] }).join(),
    ).toMatch(/sort into the correct order/);
    expect(
      messages({ ...orderQ, items: [{ id: "y2019", text: "A" }, { id: "y2018", text: "B" }, { id: "y2020", text: "C" }] }).join(),
    ).toMatch(/digits/);
  });

  it("refuses a question id that names one of its choices (the id is posted with the answer)", () => {
    if (singleQ.kind !== "single") throw new Error("fixture");
    const choice = singleQ.options[0]?.id ?? "";
    expect(messages({ ...singleQ, id: `where-${choice}` }).join()).toMatch(/would hint at the answer/);
  });

  it("refuses a who-said context that names the speaker", () => {
    expect(messages({ ...whoSaidQ, context: "Trump, at a golf club, August 2017." }).join()).toMatch(/names the speaker/);
  });

  it("keeps explanations to 1–2 sentences, not counting abbreviations", () => {
    expect(messages({ ...singleQ, explanation: "One. Two. Three sentences here." }).join()).toMatch(/1–2 sentences/);
    expect(messages({ ...singleQ, explanation: "The U.S. and North Korea met in Singapore. It was a first." })).toEqual([]);
  });

  it("is strict about field names", () => {
    expect(messages({ ...singleQ, soruces: ["x"] }).join()).toMatch(/soruces|Unrecognized/);
  });

  it("refuses an unknown kind or topic", () => {
    expect(messages({ ...singleQ, kind: "essay" })).not.toEqual([]);
    expect(messages({ ...singleQ, topics: ["sport"] })).not.toEqual([]);
    expect(messages({ ...singleQ, topics: [] })).not.toEqual([]);
  });
});

describe("startQuizSchema", () => {
  it("accepts form strings and coerces the length", () => {
    expect(startQuizSchema.parse({ length: "10", topic: "letters" })).toEqual({ length: 10, topic: "letters" });
    expect(startQuizSchema.parse({ length: 5 })).toEqual({ length: 5 });
  });
  it("treats an empty topic as no topic", () => {
    expect(startQuizSchema.parse({ length: "20", topic: "" })).toEqual({ length: 20, topic: undefined });
  });
  it("refuses other lengths with a message a person can act on", () => {
    for (const length of ["7", "0", "", "ten", "100"]) {
      const parsed = startQuizSchema.safeParse({ length });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Choose 5, 10 or 20 questions.");
    }
  });
  it("refuses unknown topics and unknown fields", () => {
    expect(startQuizSchema.safeParse({ length: "5", topic: "sport" }).success).toBe(false);
    expect(startQuizSchema.safeParse({ length: "5", cheat: "1" }).success).toBe(false);
  });
});

describe("answerSchema", () => {
  it("accepts one value or a list (a repeated form field)", () => {
    expect(answerSchema.parse({ questionId: "fx-single", answer: "singapore" })).toEqual({
      questionId: "fx-single",
      answer: "singapore",
    });
    expect(answerSchema.parse({ questionId: "fx-order", answer: ["b", "a", "c"] }).answer).toEqual(["b", "a", "c"]);
  });
  it("refuses a missing or empty answer with 'Choose an answer.'", () => {
    // A number is a well-formed answer (an estimate's); whether it fits the question is scoring's call (422).
    for (const answer of [undefined, "", [], null, true]) {
      const parsed = answerSchema.safeParse({ questionId: "fx-single", answer });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message).join()).toMatch(/Choose an answer/);
    }
  });
  it("refuses bad question ids, too many items and extra fields", () => {
    expect(answerSchema.safeParse({ questionId: "../etc", answer: "x" }).success).toBe(false);
    expect(answerSchema.safeParse({ questionId: "q", answer: ["a", "b", "c", "d", "e", "f"] }).success).toBe(false);
    expect(answerSchema.safeParse({ questionId: "q", answer: "a", correct: "true" }).success).toBe(false);
  });
});

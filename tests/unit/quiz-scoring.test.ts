import { describe, expect, it } from "vitest";
import { QuestionError } from "@/lib/questions/errors";
import { buildFeedback, displayAnswer } from "@/lib/questions/feedback";
import { answerKey, correctness, decodeAnswer, encodeAnswer, isCorrect, normalizeAnswer, sameAnswer } from "@/lib/questions/scoring";
import { fixtureLookups, orderQ, singleQ, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

function invalidAnswer(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionError);
    expect((error as QuestionError).code).toBe("invalid_answer");
    expect((error as QuestionError).status).toBe(422);
    return;
  }
  throw new Error("expected an invalid_answer error");
}

describe("isCorrect: single choice", () => {
  it("is right for the answer option only", () => {
    expect(isCorrect(singleQ, "singapore")).toBe(true);
    expect(isCorrect(singleQ, "hanoi")).toBe(false);
    expect(isCorrect(singleQ, "panmunjom")).toBe(false);
  });
  it("accepts a one-element array (a repeated form field collapsed to one)", () => {
    expect(isCorrect(singleQ, ["singapore"])).toBe(true);
  });
  it("refuses options that do not exist, and several answers", () => {
    invalidAnswer(() => isCorrect(singleQ, "geneva"));
    invalidAnswer(() => isCorrect(singleQ, "Singapore"));
    invalidAnswer(() => isCorrect(singleQ, ["singapore", "hanoi"]));
    invalidAnswer(() => isCorrect(singleQ, []));
  });
});

describe("isCorrect: true/false", () => {
  it("compares with the boolean key", () => {
    expect(isCorrect(trueFalseQ, "false")).toBe(true);
    expect(isCorrect(trueFalseQ, "true")).toBe(false);
  });
  it("refuses anything but the two strings", () => {
    for (const bad of ["yes", "no", "True", "0", "1", ""]) invalidAnswer(() => isCorrect(trueFalseQ, bad));
    invalidAnswer(() => isCorrect(trueFalseQ, ["true", "false"]));
  });
});

describe("isCorrect: order", () => {
  it("needs the exact sequence", () => {
    expect(isCorrect(orderQ, ["singapore", "hanoi", "dmz"])).toBe(true);
    expect(isCorrect(orderQ, ["hanoi", "singapore", "dmz"])).toBe(false);
    expect(isCorrect(orderQ, ["dmz", "hanoi", "singapore"])).toBe(false);
  });
  it("refuses answers that are not a permutation of the items", () => {
    invalidAnswer(() => isCorrect(orderQ, ["singapore", "hanoi"])); // missing
    invalidAnswer(() => isCorrect(orderQ, ["singapore", "hanoi", "dmz", "dmz"])); // extra
    invalidAnswer(() => isCorrect(orderQ, ["singapore", "singapore", "dmz"])); // duplicate
    invalidAnswer(() => isCorrect(orderQ, ["singapore", "hanoi", "geneva"])); // unknown
    invalidAnswer(() => isCorrect(orderQ, "singapore")); // a single value
  });
});

describe("isCorrect: who said it", () => {
  it("is right for the speaker only", () => {
    expect(isCorrect(whoSaidQ, "trump")).toBe(true);
    expect(isCorrect(whoSaidQ, "kim")).toBe(false);
    invalidAnswer(() => isCorrect(whoSaidQ, "putin"));
  });
});

describe("answer storage form", () => {
  it("round-trips and never equals the pending marker", () => {
    for (const answer of ["singapore", "true", "pending", ["a", "b", "c"]]) {
      const encoded = encodeAnswer(answer);
      expect(encoded).not.toBe("pending");
      expect(decodeAnswer(encoded)).toEqual(answer);
    }
  });
  it("reads pending, missing and junk as no answer", () => {
    expect(decodeAnswer("pending")).toBeNull();
    expect(decodeAnswer(null)).toBeNull();
    expect(decodeAnswer(undefined)).toBeNull();
    expect(decodeAnswer("{not json")).toBeNull();
    expect(decodeAnswer("42")).toBeNull();
    expect(decodeAnswer('[1,2]')).toBeNull();
  });
  it("compares answers by value", () => {
    expect(sameAnswer(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameAnswer(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameAnswer("a", ["a"])).toBe(false);
    expect(normalizeAnswer(singleQ, [" singapore".trim()])).toBe("singapore");
  });
  it("has a key per kind", () => {
    expect(answerKey(singleQ)).toBe("singapore");
    expect(answerKey(trueFalseQ)).toBe("false");
    expect(answerKey(orderQ)).toEqual(["singapore", "hanoi", "dmz"]);
    expect(answerKey(whoSaidQ)).toBe("trump");
  });
});

describe("correctness of a stored answer", () => {
  it("says whether each kind of answer is right", () => {
    expect(correctness(singleQ, "singapore")).toBe(true);
    expect(correctness(trueFalseQ, "true")).toBe(false);
    expect(correctness(orderQ, ["singapore", "hanoi", "dmz"])).toBe(true);
    expect(correctness(whoSaidQ, "trump")).toBe(true);
  });
  it("counts a stored answer that no longer fits the question as wrong instead of throwing", () => {
    expect(correctness(singleQ, "removed-option")).toBe(false);
  });
});

describe("feedback", () => {
  it("shows the correct answer as a person reads it", () => {
    expect(displayAnswer(singleQ, "singapore")).toBe("Singapore");
    expect(displayAnswer(trueFalseQ, "false")).toBe("False");
    expect(displayAnswer(orderQ, ["singapore", "hanoi", "dmz"])).toEqual(["Singapore", "Hanoi", "The DMZ"]);
    expect(displayAnswer(whoSaidQ, "trump")).toBe("Donald Trump");
  });

  it("carries correctness, the key and the answer given (to mark the options), explanation, sources, the learn-more link and changes", () => {
    expect(buildFeedback(orderQ, ["hanoi", "singapore", "dmz"], fixtureLookups)).toEqual({
      correct: false,
      correctAnswer: ["Singapore", "Hanoi", "The DMZ"],
      key: ["singapore", "hanoi", "dmz"],
      chosen: ["hanoi", "singapore", "dmz"],
      explanation: orderQ.explanation,
      sources: [{ id: "src-one", publisher: "Fixture Press", title: "Title of src-one", url: "https://example.org/src-one" }],
      learnMore: { href: "/explainers/the-three-meetings#singapore", label: "the-three-meetings: singapore" },
      corrections: [],
    });
  });

  it("refuses to give feedback for an impossible answer", () => {
    invalidAnswer(() => buildFeedback(singleQ, "nowhere", fixtureLookups));
  });
});

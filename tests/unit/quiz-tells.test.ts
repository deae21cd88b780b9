import { describe, expect, it } from "vitest";
import { SingleQuestion } from "@/lib/questions/schemas";
import { optionTells } from "@/lib/questions/tells";
import { choices, orderQ, singleQ as fixtureSingle, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

/** The single-choice fixture, typed as one, so tests can swap its options. */
const singleQ = SingleQuestion.parse(fixtureSingle);

describe("optionTells", () => {
  it("finds nothing in options of similar length and style", () => {
    expect(optionTells(singleQ)).toEqual([]);
    expect(optionTells(whoSaidQ)).toEqual([]);
  });

  it("ignores kinds without options", () => {
    expect(optionTells(trueFalseQ)).toEqual([]);
    expect(optionTells(orderQ)).toEqual([]);
  });

  it("flags an answer at least 1.2× as long as the longest other option", () => {
    const options = choices({ hanoi: "Hanoi", singapore: "Singapore, on Sentosa", panmunjom: "Panmunjom", stockholm: "Stockholm" });
    const [problem] = optionTells({ ...singleQ, options });
    expect(problem).toMatch(/^question "fx-single": the answer "Singapore, on Sentosa" \(21 characters\) is at least 1\.2× as long/);
    // Just under the ratio: 10 characters against 9.
    expect(optionTells({ ...singleQ, options: choices({ hanoi: "Hanoi", singapore: "Singapore!", panmunjom: "Panmunjom" }) })).toEqual([]);
  });

  it("flags an answer that is the only option in quotation marks, straight or curly", () => {
    for (const quoted of ["“Singapore”", '"Singapore"', "‘Singapore’"]) {
      const options = choices({ hanoi: "Hanoi", singapore: quoted, panmunjom: "The border village" });
      expect(optionTells({ ...singleQ, options })).toEqual([`question "fx-single": the answer "${quoted}" is the only option in quotation marks`]);
    }
  });

  it("accepts quotation marks that other options share, and apostrophes inside words", () => {
    const shared = choices({ hanoi: "“Hanoi”", singapore: "“Singapore”", panmunjom: "The border village" });
    expect(optionTells({ ...singleQ, options: shared })).toEqual([]);
    const apostrophe = choices({ hanoi: "Hanoi's hotel", singapore: "Kim’s letter", panmunjom: "The border village" });
    expect(optionTells({ ...singleQ, options: apostrophe })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { SingleQuestion, type Question } from "@/lib/questions/schemas";
import { nameGiveaways, optionTells } from "@/lib/questions/tells";
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

describe("nameGiveaways", () => {
  /** Asks for a name; the fixture bank's other questions are the possible givers. */
  const asksForName = { ...singleQ, id: "fx-envoy", options: choices({ kyc: "Kim Yong-chol", kyj: "Kim Yo-jong", bw: "Bob Woodward" }), answer: "kyc" };
  const givenBy = (over: Partial<Pick<Question, "id" | "prompt" | "explanation">>): Question => ({ ...trueFalseQ, ...over });

  it("finds the answer's name stated in another question's prompt, explanation, order items or who-said context", () => {
    const inPrompt = givenBy({ id: "in-prompt", prompt: "Kim Yong-chol visited the White House." });
    const givers = [
      inPrompt,
      givenBy({ id: "in-explanation", explanation: "True: Kim Yong-chol brought it." }),
      { ...orderQ, id: "in-item", items: choices({ a: "Kim Yong-chol visits", b: "Hanoi", c: "The DMZ" }) },
      { ...whoSaidQ, id: "in-context", context: "Said to Kim Yong-chol in 2018." },
    ];
    expect(nameGiveaways([asksForName, ...givers]).map((g) => g.giver)).toEqual(["in-prompt", "in-explanation", "in-item", "in-context"]);
    expect(nameGiveaways([asksForName, inPrompt])).toEqual([{ answered: "fx-envoy", giver: "in-prompt", name: "Kim Yong-chol" }]);
  });

  it("finds a long enough last word on its own, as a whole word", () => {
    const woodward = { ...asksForName, answer: "bw" };
    expect(nameGiveaways([woodward, givenBy({ prompt: "Woodward's “Rage” came out in 2020." })])).toHaveLength(1);
    expect(nameGiveaways([woodward, givenBy({ prompt: "The Woodwardian view." })])).toEqual([]);
    // "Yong-chol" is long enough to stand alone; the shared family name "Kim" is not.
    expect(nameGiveaways([asksForName, givenBy({ prompt: "Yong-chol came to Washington." })])).toHaveLength(1);
    expect(nameGiveaways([asksForName, givenBy({ prompt: "Kim wrote a letter." })])).toEqual([]);
  });

  it("ignores other questions' options, answers that are not names, and the question itself", () => {
    const distractor = { ...singleQ, id: "fx-other", options: choices({ kyc: "Kim Yong-chol", ri: "Ri Yong-ho" }), answer: "ri" };
    expect(nameGiveaways([asksForName, distractor])).toEqual([]);
    const notAName = { ...asksForName, options: choices({ kyc: "a senior official", kyj: "his sister" }) };
    expect(nameGiveaways([notAName, givenBy({ prompt: "a senior official came." })])).toEqual([]);
    expect(nameGiveaways([{ ...asksForName, explanation: "Kim Yong-chol brought it." }])).toEqual([]);
  });
});

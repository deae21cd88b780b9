import { describe, expect, it } from "vitest";
import { buildFeedback } from "@/lib/questions/feedback";
import { toPublicQuestion } from "@/lib/questions/public";
import { answerSpeech, letterLabel, questionSpeech, type OptionLabel } from "@/lib/questions/read-aloud";
import { estimateQ, fixtureLookups, orderQ, singleQ, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

/** The projector's names for the first positions (components/classroom/option-mark.tsx). */
const shapes: OptionLabel = (position) => ["Triangle", "Diamond", "Circle", "Square"][position] ?? "?";

describe("questionSpeech", () => {
  it("reads a question's prompt, then each option with its letter, in the order the screen shows them", () => {
    const question = toPublicQuestion(singleQ, ["stockholm", "hanoi", "singapore", "panmunjom"], 0, 10);
    expect(questionSpeech(question, letterLabel)).toEqual([
      "Where did the first meeting take place?",
      "Option A: Stockholm",
      "Option B: Hanoi",
      "Option C: Singapore",
      "Option D: Panmunjom",
    ]);
  });

  it("names a live question's options by the shapes the projector shows", () => {
    const question = toPublicQuestion(trueFalseQ, [], 1, 10);
    expect(questionSpeech(question, shapes)).toEqual(["The Hanoi summit ended with a signed agreement.", "Triangle: True", "Diamond: False"]);
  });

  it("reads the quotation and when it was said before the names to choose from", () => {
    const question = toPublicQuestion(whoSaidQ, ["kim", "trump", "kim-yo-jong"], 2, 10);
    expect(questionSpeech(question, letterLabel)).toEqual([
      whoSaidQ.prompt,
      "The quotation: They will be met with fire and fury like the world has never seen.",
      "At a golf club in New Jersey, August 2017.",
      "Option A: Kim Jong-un",
      "Option B: Donald Trump",
      "Option C: Kim Yo-jong",
    ]);
  });

  it("reads an ordering question's items in their shuffled order, without numbers that could pass for an order", () => {
    const question = toPublicQuestion(orderQ, ["hanoi", "dmz", "singapore"], 3, 10);
    expect(questionSpeech(question, letterLabel)).toEqual([orderQ.prompt, "The items to put in order:", "Hanoi", "The DMZ", "Singapore"]);
  });

  it("reads an estimate's prompt, then the span of numbers it takes, with the unit", () => {
    const question = toPublicQuestion(estimateQ, [], 4, 10);
    expect(questionSpeech(question, letterLabel)).toEqual([estimateQ.prompt, "Give a number from 0 to 60 letters."]);
  });
});

describe("answerSpeech", () => {
  it("says a wrong answer is wrong, then the answer and why", () => {
    const feedback = buildFeedback(singleQ, "hanoi", fixtureLookups);
    expect(answerSpeech(feedback, feedback.correct)).toEqual([
      "Not quite.",
      "The answer: Singapore",
      "The first meeting was in Singapore, on Sentosa island.",
    ]);
  });

  it("says a right answer is right", () => {
    const feedback = buildFeedback(trueFalseQ, "false", fixtureLookups);
    expect(answerSpeech(feedback, feedback.correct)).toEqual(["Correct.", "The answer: False", trueFalseQ.explanation]);
  });

  it("reads the correct order with each item's place", () => {
    const feedback = buildFeedback(orderQ, ["hanoi", "singapore", "dmz"], fixtureLookups);
    expect(answerSpeech(feedback, feedback.correct)).toEqual([
      "Not quite.",
      "The correct order:",
      "1st: Singapore",
      "2nd: Hanoi",
      "3rd: The DMZ",
      orderQ.explanation,
    ]);
  });

  it("tells a student who did not answer, and gives the room no verdict at all", () => {
    const reveal = { correctAnswer: "Donald Trump", explanation: whoSaidQ.explanation };
    expect(answerSpeech(reveal, null)).toEqual(["You didn’t answer this one.", "The answer: Donald Trump", whoSaidQ.explanation]);
    expect(answerSpeech(reveal)).toEqual(["The answer: Donald Trump", whoSaidQ.explanation]);
  });
});

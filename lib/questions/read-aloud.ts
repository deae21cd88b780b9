import { rangeMessage } from "./closeness";
import { positionName } from "./marks";
import type { PublicChoice, PublicQuestion } from "./schemas";

/**
 * What the "Read aloud" button speaks: one utterance per part (the prompt,
 * the quotation, each option), in the order the screen shows them. Pure and
 * client-safe: built from the public shapes only, so it can say nothing the
 * screen does not.
 */

/** How the options are named aloud: a letter in the solo quiz, the projector's shape on a live phone. */
export type OptionLabel = (position: number) => string;

/** "Option A" for position 0. */
export const letterLabel: OptionLabel = (position) => `Option ${String.fromCharCode(65 + position)}`;

const TRUE_FALSE: readonly PublicChoice[] = [
  { id: "true", text: "True" },
  { id: "false", text: "False" },
];

const named = (choices: readonly PublicChoice[], label: OptionLabel) => choices.map((choice, position) => `${label(position)}: ${choice.text}`);

/** The question as it is asked, before any answer. */
export function questionSpeech(question: PublicQuestion, label: OptionLabel): string[] {
  switch (question.kind) {
    case "single":
      return [question.prompt, ...named(question.options, label)];
    case "true-false":
      return [question.prompt, ...named(TRUE_FALSE, label)];
    case "order":
      return [question.prompt, "The items to put in order:", ...question.items.map((item) => item.text)];
    case "who-said":
      return [question.prompt, `The quotation: ${question.quote}`, question.context, ...named(question.options, label)];
    case "estimate":
      return [question.prompt, rangeMessage(question.range, question.unit)];
  }
}

/** The right answer and why, as the feedback and the reveal show them (an ordering's items each with their place). */
export interface SpokenAnswer {
  correctAnswer: string | string[];
  explanation: string;
}

/**
 * The feedback after an answer. `correct`: the player's verdict; null when
 * they did not answer (a live reveal), undefined when nobody in particular
 * answered (the projector reads the answer to the room).
 */
export function answerSpeech(answer: SpokenAnswer, correct?: boolean | null): string[] {
  const verdict = correct === undefined ? [] : [correct === null ? "You didn’t answer this one." : correct ? "Correct." : "Not quite."];
  const { correctAnswer } = answer;
  const key = Array.isArray(correctAnswer)
    ? ["The correct order:", ...correctAnswer.map((item, position) => `${positionName(position)}: ${item}`)]
    : [`The answer: ${correctAnswer}`];
  return [...verdict, ...key, answer.explanation];
}

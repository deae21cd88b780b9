import { withUnit } from "@/lib/questions/closeness";
import type { PublicQuestion } from "@/lib/questions/schemas";

const TRUE_FALSE = [
  { id: "true", text: "True" },
  { id: "false", text: "False" },
] as const;

/**
 * The choices a live question offers, in the order the projector shows
 * them: the choice at position n wears optionMark(n) on both, its `mark`
 * (a phone with fewer choices keeps the projector's). None for ordering
 * questions, which have items instead, nor for estimates (a number).
 */
export function liveChoices(question: PublicQuestion): readonly { id: string; text: string; mark: number }[] {
  const marked = (choices: readonly { id: string; text: string; mark?: number }[]) => choices.map((choice, position) => ({ ...choice, mark: choice.mark ?? position }));
  switch (question.kind) {
    case "true-false":
      return marked(TRUE_FALSE);
    case "order":
    case "estimate":
      return [];
    case "single":
    case "who-said":
      return marked(question.options);
  }
}

/** The characters a live question puts on the phone's screen: its prompt, any quotation, and its choices. */
export function screenText(question: PublicQuestion): number {
  const quotation = question.kind === "who-said" ? question.quote.length + question.context.length : 0;
  return question.prompt.length + quotation + liveChoices(question).reduce((sum, choice) => sum + choice.text.length, 0);
}

/** An answer as the student reads it: the choice's text, the items' texts in the student's order, or the number with its unit. */
export function answerText(question: PublicQuestion, answer: string | string[]): string {
  if (question.kind === "estimate" && typeof answer === "string") return withUnit(Number(answer), question.unit);
  if (Array.isArray(answer)) {
    const items = question.kind === "order" ? question.items : [];
    return answer.map((id) => items.find((item) => item.id === id)?.text ?? id).join(" → ");
  }
  return liveChoices(question).find((choice) => choice.id === answer)?.text ?? answer;
}

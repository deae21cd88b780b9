import type { PublicQuestion } from "@/lib/questions/schemas";

const TRUE_FALSE = [
  { id: "true", text: "True" },
  { id: "false", text: "False" },
] as const;

/**
 * The choices a live question offers, in the order the projector shows
 * them: the choice at position n wears optionMark(n) on both, its `mark`
 * (a phone with fewer choices keeps the projector's). None for ordering
 * questions, which have items instead.
 */
export function liveChoices(question: PublicQuestion): readonly { id: string; text: string; mark: number }[] {
  const marked = (choices: readonly { id: string; text: string; mark?: number }[]) => choices.map((choice, position) => ({ ...choice, mark: choice.mark ?? position }));
  switch (question.kind) {
    case "true-false":
      return marked(TRUE_FALSE);
    case "order":
      return [];
    case "single":
    case "who-said":
      return marked(question.options);
  }
}

/** An answer as the student reads it: the choice's text, or the items' texts in the student's order. */
export function answerText(question: PublicQuestion, answer: string | string[]): string {
  if (Array.isArray(answer)) {
    const items = question.kind === "order" ? question.items : [];
    return answer.map((id) => items.find((item) => item.id === id)?.text ?? id).join(" → ");
  }
  return liveChoices(question).find((choice) => choice.id === answer)?.text ?? answer;
}

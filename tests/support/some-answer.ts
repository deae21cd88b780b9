import type { EstimateQuestion, PublicQuestion, Question } from "@/lib/questions/schemas";

/** A well-formed answer to any question, right or wrong: the first option, "true", the items as shown, or the slider's low end. */
export function someAnswer(question: PublicQuestion | Question): string | string[] {
  switch (question.kind) {
    case "true-false":
      return "true";
    case "order":
      return question.items.map((item) => item.id);
    case "estimate":
      return String(question.range.min);
    default:
      return question.options[0]?.id ?? "";
  }
}

/** The end of an estimate's range furthest from the figure: a wrong answer whatever the closeness. */
export function farEstimate(question: Pick<EstimateQuestion, "answer" | "range">): string {
  const { min, max } = question.range;
  return String(question.answer - min > max - question.answer ? min : max);
}

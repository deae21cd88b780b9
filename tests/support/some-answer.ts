import type { PublicQuestion, Question } from "@/lib/questions/schemas";

/** A well-formed answer to any question, right or wrong: the first option, "true", or the items as shown. */
export function someAnswer(question: PublicQuestion | Question): string | string[] {
  switch (question.kind) {
    case "true-false":
      return "true";
    case "order":
      return question.items.map((item) => item.id);
    default:
      return question.options[0]?.id ?? "";
  }
}

import type { Choice, PublicChoice, PublicQuestion, Question } from "./schemas";

/**
 * The browser's view of a question: built field by field (never by
 * spreading the question) so that a new key-bearing field in the bank can
 * not leak by accident.
 */

/**
 * Choices in the attempt's stored order. Ids the question no longer has are
 * skipped and new ones appended, so an edited option list still renders;
 * an ordering question is never handed out solved.
 */
function ordered(choices: readonly Choice[], order: readonly string[], isOrderQuestion: boolean): PublicChoice[] {
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  const ids = order.filter((id) => byId.has(id));
  for (const choice of choices) if (!ids.includes(choice.id)) ids.push(choice.id);
  if (isOrderQuestion && ids.every((id, i) => id === choices[i]?.id)) ids.push(...ids.splice(0, 1));
  return ids.map((id) => {
    const choice = byId.get(id) as Choice;
    return { id: choice.id, text: choice.text };
  });
}

export function toPublicQuestion(question: Question, optionOrder: readonly string[], index: number, total: number): PublicQuestion {
  const base = { id: question.id, index, total, prompt: question.prompt, difficulty: question.difficulty };
  switch (question.kind) {
    case "single":
      return { ...base, kind: "single", options: ordered(question.options, optionOrder, false) };
    case "true-false":
      return { ...base, kind: "true-false" };
    case "order":
      return { ...base, kind: "order", items: ordered(question.items, optionOrder, true) };
    case "who-said":
      return {
        ...base,
        kind: "who-said",
        quote: question.quote,
        context: question.context,
        options: ordered(question.options, optionOrder, false),
      };
    case "estimate": {
      const { min, max, step } = question.range;
      return { ...base, kind: "estimate", unit: question.unit, range: { min, max, step } };
    }
  }
}

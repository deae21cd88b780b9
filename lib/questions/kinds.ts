/** The kinds of question, without a schema library: forms and filters that ship to the browser import this. */
export const QUESTION_KINDS = ["single", "true-false", "order", "who-said", "estimate"] as const;
export type QuestionKindName = (typeof QUESTION_KINDS)[number];

/** Each kind as a teacher looks for it in the bank. */
export const QUESTION_KIND_LABELS: Record<QuestionKindName, string> = {
  single: "Multiple choice",
  "true-false": "True or false",
  order: "Put in order",
  "who-said": "Who said it?",
  estimate: "Estimate a number",
};

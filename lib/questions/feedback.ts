import { closenessCredit, closenessOf, withUnit } from "./closeness";
import type { AnswerFeedback, CorrectionNote, EstimateFeedback, EstimateQuestion, NormalizedAnswer, Question, SourceRef } from "./schemas";
import { answerKey, correctness, normalizeAnswer } from "./scoring";

/**
 * What a player sees once a question is answered. Pure: the content lookups
 * (source registry, explainer titles) are passed in, so the bank binds the
 * real content and tests bind fixtures.
 */

export interface ContentLookups {
  source(id: string): SourceRef;
  /** Link to the explainer section that teaches the answer. */
  learnMore(slug: string, anchor: string): { href: string; label: string };
  /** The updates log's entries about a question, newest first. */
  corrections(questionId: string): CorrectionNote[];
}

/** An answer as a person reads it: option text, "True"/"False", item texts in order, or a number with its unit. */
export function displayAnswer(question: Question, answer: NormalizedAnswer): string | string[] {
  switch (question.kind) {
    case "single":
    case "who-said":
      return question.options.find((option) => option.id === answer)?.text ?? String(answer);
    case "true-false":
      return answer === "true" ? "True" : "False";
    case "order": {
      const ids = typeof answer === "string" ? [answer] : answer;
      return ids.map((id) => question.items.find((item) => item.id === id)?.text ?? id);
    }
    case "estimate":
      return withUnit(Number(answer), question.unit);
  }
}

function estimateFeedback(question: EstimateQuestion, chosen: NormalizedAnswer, lookups: ContentLookups): EstimateFeedback {
  const credit = closenessCredit(question, Number(chosen));
  return {
    closeness: closenessOf(credit),
    credit,
    unit: question.unit,
    claims: (question.claims ?? []).map(({ who, figure, source }) => ({ who, figure, source: lookups.source(source) })),
  };
}

/** Feedback on a stored (already validated) answer; the key as `chosen` gives the feedback of a right answer. */
export function feedbackFrom(question: Question, chosen: NormalizedAnswer, lookups: ContentLookups): AnswerFeedback {
  const key = answerKey(question);
  return {
    correct: correctness(question, chosen),
    correctAnswer: displayAnswer(question, key),
    key,
    chosen,
    explanation: question.explanation,
    sources: question.sources.map((id) => lookups.source(id)),
    learnMore: lookups.learnMore(question.learnMore.slug, question.learnMore.anchor),
    corrections: lookups.corrections(question.id),
    ...(question.kind === "estimate" ? { estimate: estimateFeedback(question, chosen, lookups) } : {}),
  };
}

/** Throws QuestionError("invalid_answer") for an answer the question cannot have. */
export function buildFeedback(
  question: Question,
  answer: string | readonly string[],
  lookups: ContentLookups,
): AnswerFeedback {
  return feedbackFrom(question, normalizeAnswer(question, answer), lookups);
}

/**
 * The newest change made to a question after this version of it was answered (a withdrawal applies to every
 * version); null when there is none.
 */
export function correctionSince(lookups: ContentLookups, ref: { id: string; version: number }): CorrectionNote | null {
  return lookups.corrections(ref.id).find((note) => note.type === "withdrawal" || note.version > ref.version) ?? null;
}

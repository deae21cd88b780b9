import { z } from "zod";
import { Slug, Topic, sentences, type UpdateType } from "@/lib/content/schemas";
import { QUESTION_KINDS } from "./kinds";

/**
 * Shapes of a question, shared by the bank loader, the solo quiz, the
 * classroom, forms and tests. No server-only import, and nothing here holds
 * an answer key; the answer body forms validate in the browser lives in
 * `./requests`.
 */

export const Difficulty = z.enum(["easy", "medium", "hard"]);
export type Difficulty = z.infer<typeof Difficulty>;

export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;


const NonEmpty = z.string().trim().min(1, "must not be empty");

/**
 * Option and item ids are posted by the browser and visible in the page, so
 * they are words ("hanoi"), never positions ("a", "1") that an author might
 * line up with the answer.
 */
const ChoiceId = Slug.check(z.minLength(2, "use a word as the id (at least 2 characters), not a letter or position"));

const Choice = z.strictObject({ id: ChoiceId, text: NonEmpty.max(200, "keep option text under 200 characters") });
export type Choice = z.infer<typeof Choice>;

/** The years of the events a question asks about, so a class can be dealt a spread of them. */
export const Era = z.enum(["2017", "2018-19", "2020-22", "2023-24", "2025-26"]);
export type Era = z.infer<typeof Era>;

const common = {
  id: Slug,
  /** Bump when the answer or meaning changes: per-question statistics are kept per version. */
  version: z.number().int().min(1),
  difficulty: Difficulty,
  era: Era,
  topics: z.array(Topic).min(1, "give at least one topic"),
  prompt: NonEmpty.max(300, "keep prompts under 300 characters"),
  explanation: sentences({
    count: [1, 2, "explanations are 1–2 sentences"],
    min: [20, "explain the answer in 1–2 sentences"],
    max: [420, "explanations are 1–2 sentences (at most 420 characters)"],
  }),
  sources: z.array(Slug).min(1, "cite at least one source"),
  /** The explainer section that teaches this answer. */
  learnMore: z.strictObject({ slug: Slug, anchor: Slug }),
};

export const SingleQuestion = z.strictObject({
  kind: z.literal("single"),
  ...common,
  options: z.array(Choice).min(3, "give 3–4 options").max(4, "give 3–4 options"),
  answer: ChoiceId,
});

export const TrueFalseQuestion = z.strictObject({
  kind: z.literal("true-false"),
  ...common,
  answer: z.boolean(),
});

export const OrderQuestion = z.strictObject({
  kind: z.literal("order"),
  ...common,
  /** Listed in the correct order, earliest first. */
  items: z.array(Choice).min(3, "give 3–5 items").max(5, "give 3–5 items"),
});

export const WhoSaidQuestion = z.strictObject({
  kind: z.literal("who-said"),
  ...common,
  quote: NonEmpty.max(240, "keep quotations short"),
  /** When and where it was said, without naming the speaker. */
  context: NonEmpty.max(240),
  options: z.array(Choice).min(3, "give 3–4 names").max(4, "give 3–4 names"),
  answer: ChoiceId,
});

/** Where sources disagree on a figure: who said what, each from a source the question cites. */
const Claim = z.strictObject({
  who: NonEmpty.max(120, "keep who said it under 120 characters"),
  figure: NonEmpty.max(60, "keep the figure under 60 characters"),
  source: Slug,
});

export const EstimateQuestion = z.strictObject({
  kind: z.literal("estimate"),
  ...common,
  /** Shown after the number, plural and lower case: "27 letters". */
  unit: NonEmpty.max(40, "keep the unit short"),
  /** The slider's ends and step; an answer outside them or off the step is refused. */
  range: z.strictObject({ min: z.number(), max: z.number(), step: z.number().positive("step must be above 0") }),
  /** The sourced figure. */
  answer: z.number(),
  /** Within ±full of the answer: full marks; ±none or further: none; linear in between. */
  closeness: z.strictObject({ full: z.number().min(0, "full must be 0 or more"), none: z.number().positive() }),
  claims: z.optional(z.array(Claim).min(2, "give 2–4 claims").max(4, "give 2–4 claims")),
});
export type EstimateQuestion = z.infer<typeof EstimateQuestion>;
/** An estimate's slider: public, since it says nothing of where the figure lies within it. */
export type EstimateRange = EstimateQuestion["range"];

/** Whether a number is one of the range's steps (with a tolerance for decimal steps). */
export function onStep(value: number, range: EstimateRange): boolean {
  const steps = (value - range.min) / range.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Words of the answer that no other option shares: "Yo-jong" in "Kim Yo-jong" next to "Kim Jong-un". */
function distinctiveWords(answer: string, others: readonly string[]): string[] {
  const otherWords = new Set(others.flatMap((text) => text.toLowerCase().split(/\s+/)));
  return answer
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length >= 3 && !otherWords.has(word));
}

export const Question = z
  .discriminatedUnion("kind", [SingleQuestion, TrueFalseQuestion, OrderQuestion, WhoSaidQuestion, EstimateQuestion])
  .superRefine((question, ctx) => {
    // The question id is posted with every answer, so it is in the page: it must not name a choice.
    const idWords = new Set(question.id.split("-").filter((word) => word.length >= 3));
    const choices =
      question.kind === "order" ? question.items : question.kind === "true-false" || question.kind === "estimate" ? [] : question.options;
    for (const choice of choices) {
      const shared = choice.id.split("-").find((word) => idWords.has(word));
      if (shared) {
        ctx.addIssue({ code: "custom", path: ["id"], message: `the question id shares "${shared}" with choice "${choice.id}": it would hint at the answer` });
      }
    }
    for (const topic of duplicates(question.topics)) {
      ctx.addIssue({ code: "custom", path: ["topics"], message: `topic "${topic}" is listed twice` });
    }
    if (question.kind === "single" || question.kind === "who-said") {
      const ids = question.options.map((option) => option.id);
      for (const id of duplicates(ids)) {
        ctx.addIssue({ code: "custom", path: ["options"], message: `option id "${id}" is used twice` });
      }
      if (!ids.includes(question.answer)) {
        ctx.addIssue({ code: "custom", path: ["answer"], message: `"${question.answer}" is not one of the option ids` });
      }
    }
    if (question.kind === "who-said") {
      const answer = question.options.find((option) => option.id === question.answer);
      const others = question.options.filter((option) => option.id !== question.answer).map((o) => o.text);
      const giveaway = answer
        ? distinctiveWords(answer.text, others).find((word) =>
            `${question.context} ${question.prompt} ${question.quote}`.toLowerCase().includes(word),
          )
        : undefined;
      if (giveaway !== undefined) {
        ctx.addIssue({ code: "custom", path: ["context"], message: `the context or prompt names the speaker ("${giveaway}")` });
      }
    }
    if (question.kind === "estimate") {
      const { range, answer, closeness } = question;
      if (range.min >= range.max) ctx.addIssue({ code: "custom", path: ["range"], message: "range.min must be below range.max" });
      if (answer < range.min || answer > range.max) {
        ctx.addIssue({ code: "custom", path: ["answer"], message: `the answer ${answer} is outside the range ${range.min}–${range.max}` });
      } else if (!onStep(answer, range)) {
        ctx.addIssue({ code: "custom", path: ["answer"], message: `the answer ${answer} is not on a step of ${range.step} from ${range.min}` });
      }
      if (closeness.full >= closeness.none) ctx.addIssue({ code: "custom", path: ["closeness"], message: "closeness.full must be below closeness.none" });
      question.claims?.forEach((claim, i) => {
        if (!question.sources.includes(claim.source)) {
          ctx.addIssue({ code: "custom", path: ["claims", i, "source"], message: `claim source "${claim.source}" is not in the question's sources` });
        }
      });
    }
    if (question.kind === "order") {
      const ids = question.items.map((item) => item.id);
      for (const id of duplicates(ids)) {
        ctx.addIssue({ code: "custom", path: ["items"], message: `item id "${id}" is used twice` });
      }
      // The ids reach the page; ids that sort into the answer would give it away.
      if ([...ids].sort().join() === ids.join()) {
        ctx.addIssue({ code: "custom", path: ["items"], message: "item ids sort into the correct order; rename them so they give nothing away" });
      }
      if (ids.some((id) => /\d/.test(id))) {
        ctx.addIssue({ code: "custom", path: ["items"], message: "item ids must not contain digits (years would give the order away)" });
      }
    }
  });
export type Question = z.infer<typeof Question>;

/** A file in content/quiz/: an array of questions. */
export const QuestionFile = z.array(Question).min(1, "a question file holds at least one question");

// ---------------------------------------------------------------- what the browser sees

export interface PublicChoice {
  id: string;
  text: string;
  /** Its place on the projector, when a phone shows fewer choices (lib/classroom/accommodations.ts): it keeps that shape. */
  mark?: number;
}

interface PublicQuestionBase {
  id: string;
  /** 0-based position in the attempt; show `index + 1`. */
  index: number;
  total: number;
  prompt: string;
  difficulty: Difficulty;
}

/**
 * A question as the browser may see it before it is answered: no answer,
 * no explanation, no sources, options in this attempt's shuffled order.
 * Nothing in it is a boolean, so a serialized copy can be searched for
 * answer markers. True/false questions carry no options: the two buttons
 * post "true" and "false".
 */
export type PublicQuestion =
  | (PublicQuestionBase & { kind: "single"; options: PublicChoice[] })
  | (PublicQuestionBase & { kind: "true-false" })
  | (PublicQuestionBase & { kind: "order"; items: PublicChoice[] })
  | (PublicQuestionBase & { kind: "who-said"; quote: string; context: string; options: PublicChoice[] })
  | (PublicQuestionBase & { kind: "estimate"; unit: string; range: EstimateRange });

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  url: string;
}

export interface AnswerFeedback {
  correct: boolean;
  /** Option text, "True"/"False", or the item texts in the correct order. */
  correctAnswer: string | string[];
  /** The key in stored form (option id, "true"/"false", or item ids in order), to mark the options. */
  key: NormalizedAnswer;
  /** The player's answer in stored form. Feedback exists only once an answer is stored, so neither leaks the key early. */
  chosen: NormalizedAnswer;
  explanation: string;
  sources: SourceRef[];
  learnMore: { href: string; label: string };
  /** Changes made to this question since it was written, newest first (content/updates.json). */
  corrections: CorrectionNote[];
  /** Estimates only: how close the answer came, the unit, and where sources disagree, who said what. */
  estimate?: EstimateFeedback;
}

/** "full": within ±full of the figure (counted right); "partial": closer than ±none; "none": further. */
export type Closeness = "full" | "partial" | "none";

export interface EstimateFeedback {
  closeness: Closeness;
  /** 0–1: the share of full marks the closeness is worth. */
  credit: number;
  unit: string;
  claims: { who: string; figure: string; source: SourceRef }[];
}

/** One entry of the updates log about a question, as the feedback and the results show it. */
export interface CorrectionNote {
  date: string;
  /** "5 December 2026", formatted on the server so the answer form needs no date code. */
  dateText: string;
  type: UpdateType;
  /** The question's version once the change was made. */
  version: number;
  /** The entry on /updates. */
  href: string;
}

/** What follows an answer in an answer form: the next question (same page, refreshed) or the results. */
export interface NextStep {
  href: string;
  label: string;
  /** True when the next step is another question on this same page. */
  sameRoute: boolean;
}

/** A validated answer in stored form: an option id, "true"/"false", or item ids in order. */
export type NormalizedAnswer = string | string[];

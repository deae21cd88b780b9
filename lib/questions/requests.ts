import * as z from "zod/mini";
import { Slug, Topic } from "@/lib/content/ids";
import { blankAsAbsent } from "@/lib/forms/fields";
import { IDEMPOTENCY_FIELD } from "@/lib/http/idempotency/fields";
import { idempotencyKeySchema } from "@/lib/http/idempotency/key";
import { QUIZ_LENGTHS } from "./lengths";

/**
 * What the solo quiz's and the classroom's forms post about questions: how
 * many to draw, and an answer. Shared by the forms (browser), route handlers
 * and tests. Forms load this module when first used
 * (lib/forms/schema-resolver.ts), so it stays client-safe and on zod/mini,
 * whose pieces weigh less there.
 */

const CHOOSE_LENGTH = "Choose 5, 10 or 20 questions.";

/**
 * How many questions, on which topic (all when left out): a quiz's start
 * and a class session's creation. JSON or an HTML form (strings), so the
 * number is coerced.
 */
export const drawSchema = z.strictObject({
  length: z.pipe(z.coerce.number({ error: CHOOSE_LENGTH }), z.literal(QUIZ_LENGTHS, { error: CHOOSE_LENGTH })),
  topic: blankAsAbsent(z.optional(Topic)),
});

/** An option id, "true"/"false", one item id of an ordering question, or an estimate's number as typed. */
const AnswerToken = z.string().check(z.trim(), z.minLength(1, "Choose an answer."), z.maxLength(64));

/** An estimate sent as a JSON number: the same answer as its digits in a form. */
const AnswerNumber = z.pipe(
  z.number().check(z.refine(Number.isFinite, "Give a number.")),
  z.transform((value) => String(value)),
);

/**
 * Shape only; whether the answer fits the question is checked when scoring
 * (422). Ordering questions post the item ids in the player's order: a
 * no-JavaScript form repeats the `answer` field, which arrives as an array.
 */
export const answerSchema = z.strictObject({
  questionId: Slug,
  /** The form's idempotency key (lib/http/idempotency/fields.ts), for posts without JavaScript. */
  [IDEMPOTENCY_FIELD]: z.optional(idempotencyKeySchema),
  answer: z.union([AnswerToken, AnswerNumber, z.array(AnswerToken).check(z.minLength(1, "Choose an answer."), z.maxLength(5))], {
    error: "Choose an answer.",
  }),
});
export type AnswerInput = z.infer<typeof answerSchema>;
/** The answer form's fields before parsing (an estimate may arrive as a JSON number). */
export type AnswerFields = z.input<typeof answerSchema>;

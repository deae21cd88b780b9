import * as z from "zod/mini";
import { Slug, Topic } from "@/lib/content/ids";
import { IDEMPOTENCY_FIELD } from "@/lib/http/idempotency";
import { idempotencyKeySchema } from "@/lib/http/idempotency-key";
import { QUIZ_LENGTHS } from "./lengths";
import { shareIdSchema } from "@/lib/share/schemas";

/**
 * Quiz request bodies, shared by the forms (browser), route handlers and
 * tests. Forms load this module when first used (components/ui/schema-resolver.ts),
 * so it stays client-safe and on zod/mini, whose pieces weigh less there.
 */

/** An HTML form posts "" for an unchosen option: read it as absent. */
const emptyAsAbsent = <S extends z.core.$ZodType>(schema: S) =>
  z.pipe(
    z.transform((value: unknown): unknown => (value === "" || value === null ? undefined : value)),
    z.optional(schema),
  );

const CHOOSE_LENGTH = "Choose 5, 10 or 20 questions.";

/**
 * Starting a quiz: JSON or an HTML form (strings), so numbers are coerced.
 * With `challenge` (a result's share id) the quiz replays that result's
 * questions, and its length and topic are the challenger's.
 */
export const startQuizSchema = z.strictObject({
  length: z.pipe(z.coerce.number({ error: CHOOSE_LENGTH }), z.literal(QUIZ_LENGTHS, { error: CHOOSE_LENGTH })),
  topic: emptyAsAbsent(Topic),
  challenge: emptyAsAbsent(shareIdSchema),
});
export type StartQuizInput = z.infer<typeof startQuizSchema>;

/** An option id, "true"/"false", or one item id of an ordering question. */
const AnswerToken = z.string().check(z.trim(), z.minLength(1, "Choose an answer."), z.maxLength(64));

/**
 * Shape only; whether the answer fits the question is checked when scoring
 * (422). Ordering questions post the item ids in the player's order: a
 * no-JavaScript form repeats the `answer` field, which arrives as an array.
 */
export const answerSchema = z.strictObject({
  questionId: Slug,
  /** The form's idempotency key (lib/http/idempotency.ts), for posts without JavaScript. */
  [IDEMPOTENCY_FIELD]: z.optional(idempotencyKeySchema),
  answer: z.union([AnswerToken, z.array(AnswerToken).check(z.minLength(1, "Choose an answer."), z.maxLength(5))], {
    error: "Choose an answer.",
  }),
});
export type AnswerInput = z.infer<typeof answerSchema>;

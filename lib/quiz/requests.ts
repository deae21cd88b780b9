import * as z from "zod/mini";
import { blankAsAbsent } from "@/lib/forms/fields";
import { drawSchema } from "@/lib/questions/requests";
import { QUIZ_MESSAGES, QuizError } from "./errors";

/**
 * Solo quiz request bodies and ids, shared by the forms (browser), route
 * handlers and tests. Forms load this module when first used
 * (lib/forms/schema-resolver.ts), so it stays client-safe and on zod/mini,
 * whose pieces weigh less there. The answer body is the question engine's
 * (lib/questions/requests.ts).
 */

/**
 * A result's public share id: 12 random bytes in base64url (96 bits), so it
 * cannot be guessed, and unrelated to the attempt id, which stays the
 * player's private key to their answers (see ./result-links.ts).
 */
export const shareIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/, "This is not a valid challenge link."));

/**
 * Starting a quiz. With `challenge` (a result's share id) the quiz replays
 * that result's questions, and its length and topic are the challenger's.
 */
export const startQuizSchema = z.extend(drawSchema, {
  challenge: blankAsAbsent(z.optional(shareIdSchema)),
});
export type StartQuizInput = z.infer<typeof startQuizSchema>;

/** Practice rounds and the results page link questions by attempt. */
export const attemptIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "not a quiz attempt id"));

/** An id that cannot be ours is simply not found: no store round trip, no key built from junk. */
export function assertAttemptId(attemptId: string): void {
  if (!attemptIdSchema.safeParse(attemptId).success) throw new QuizError("not_found", QUIZ_MESSAGES.attemptNotFound);
}

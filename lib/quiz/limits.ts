import { limitRule, type RateLimitRule } from "@/lib/rate-limit";

/**
 * The quiz's rate limits, checked inside the write they guard (one round
 * trip, nothing stored on refusal; see Guard.limits in lib/store/types.ts).
 * Sized so that real play never meets them and a script does. The yardstick
 * is a school: every pupil behind one address, several classes at once.
 *
 * - Starts per client: a class of 40 starting together, each replaying a
 *   few times, is ~200 in ten minutes; 600 leaves room for three such
 *   classes behind one address. A start writes a 30-day attempt, so this is
 *   what bounds how fast a script can fill the store.
 * - Answers per attempt: at most 20 questions, each answered once; 120 in
 *   ten minutes covers every double tap and retry while stopping a script
 *   from hammering one attempt (each refused or repeated answer is a store
 *   transaction).
 * - Answers per client: 40 pupils × 20 questions = 800 answers in a lesson
 *   that can fit in ten minutes; 3,000 is three classes at full speed.
 * - Nicknames: once per attempt already (a guard); per client, 40 pupils
 *   naming their results, many times over.
 */

export const QUIZ_RATE_LIMITS = {
  startsPerClient: limitRule("quiz-start", 600, 600, (wait) => `Too many quizzes have been started from this network. Please try again in ${wait}.`),
  answersPerAttempt: limitRule("quiz-answer", 120, 600, (wait) => `Too many answers have been sent for this quiz. Please wait ${wait}, then reload the page.`),
  answersPerClient: limitRule("quiz-answer-client", 3_000, 600, (wait) => `Too many answers have been sent from this network. Please try again in ${wait}.`),
  nicknamesPerClient: limitRule("quiz-nickname-client", 300, 600, (wait) => `Too many nicknames have been sent from this network. Please try again in ${wait}.`),
} as const satisfies Record<string, RateLimitRule>;

import { PublicError } from "@/lib/public-error";

/**
 * Quiz failures a person can cause. Route handlers map `status` straight to
 * the response (see lib/http/api-error.ts) and show `message`, which says
 * what to do next.
 */

export type QuizErrorCode =
  /** Attempt or question unknown, expired, or not part of this attempt. */
  | "not_found"
  /** The question was already answered differently. */
  | "conflict"
  /** The answer is not an option of the question / not a permutation of its items. */
  | "invalid_answer"
  /** A nickname was already chosen for this attempt. */
  | "already_named"
  /** Results or a nickname asked for before every question is answered. */
  | "not_finished"
  /** The nickname was refused (empty, too long, offensive). */
  | "invalid_nickname";

const STATUS: Record<QuizErrorCode, number> = {
  not_found: 404,
  conflict: 409,
  invalid_answer: 422,
  already_named: 409,
  not_finished: 409,
  invalid_nickname: 422,
};

export class QuizError extends PublicError<QuizErrorCode> {
  constructor(code: QuizErrorCode, message: string) {
    super(code, message, STATUS);
    this.name = "QuizError";
  }
}

export const QUIZ_MESSAGES = {
  attemptNotFound:
    "This quiz could not be found. Quizzes are kept for 30 days; please start a new one.",
  questionNotInAttempt:
    "That question is not part of this quiz, or it has been updated since the quiz started. Please start a new quiz.",
  alreadyAnsweredDifferently: "You already answered this question; the first answer counts.",
  notFinished: "Answer every question first, then see your results.",
  alreadyNamed: "This result is already on the leaderboard under the nickname chosen first.",
  resultExpired: "This result could not be found. Results are kept for 30 days.",
  challengeExpired: "This challenge has expired (results are kept for 30 days). Start a new quiz instead.",
  challengeOutdated: "The questions of this challenge have all been updated since it was played. Start a new quiz instead.",
} as const;

import { PublicError, type PublicErrorCode } from "@/lib/public-error";

/**
 * Quiz failures a person can cause. Their statuses are in lib/public-error.ts; each
 * message says what to do next.
 */

export type QuizErrorCode = Extract<PublicErrorCode, "not_found" | "conflict" | "already_named" | "not_finished" | "invalid_nickname">;

export class QuizError extends PublicError<QuizErrorCode> {}

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

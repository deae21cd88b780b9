import type { Topic } from "@/lib/content/schemas";
import type { AnswerFeedback, CorrectionNote, PublicQuestion, QuestionKind } from "@/lib/questions/schemas";
import type { Percentile } from "./percentile";

/**
 * What the solo quiz's pages and routes receive. Client-safe types; no
 * answer key reaches them before the question is answered.
 */

export interface StartedAttempt {
  attemptId: string;
  /** Actual number of questions (a topic may have fewer than asked for). */
  length: number;
  requestedLength: number;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  questions: PublicQuestion[];
}

export interface Progress {
  answered: number;
  score: number;
  total: number;
  /** 0-based index of the first unanswered question, or null when all are answered. */
  nextIndex: number | null;
}

/** An unfinished attempt: "Resume: question 3 of 10". */
export interface ResumePoint {
  attemptId: string;
  /** 1-based number of the first unanswered question. */
  question: number;
  total: number;
}

export interface AttemptQuestionView {
  question: PublicQuestion;
  /** Present once answered: then the page shows the feedback instead of the form. */
  feedback: AnswerFeedback | null;
}

export interface AttemptView {
  attemptId: string;
  topic: Topic | undefined;
  challengeOf: string | undefined;
  finished: boolean;
  nickname: string | undefined;
  progress: Progress;
  questions: AttemptQuestionView[];
}

export interface AnswerResult {
  feedback: AnswerFeedback;
  progress: Progress;
  /** True when this exact answer had already been recorded (a double submit): nothing was counted twice. */
  replay: boolean;
}

/** A question of a finished attempt that is still in the bank: the player's answer, the key and why. */
export interface AnsweredReviewItem {
  status: "current";
  index: number;
  kind: QuestionKind;
  questionId: string;
  prompt: string;
  /** The quotation of a "who said it" question. */
  quote: string | undefined;
  /** As a person reads it: option text, "True"/"False", or item texts in order. */
  playerAnswer: string | string[];
  feedback: AnswerFeedback;
  /** Share (0–1) of all players who got this question (this version) right; null before anyone has. */
  shareCorrect: number | null;
  answeredBy: number;
  /** Set when the question was changed after this attempt answered it: the mark may not match the text shown. */
  correctedSince: CorrectionNote | null;
}

/** A question of a finished attempt that has since been withdrawn: its text and key are gone, its mark is not. */
export interface WithdrawnReviewItem {
  status: "withdrawn";
  index: number;
  questionId: string;
  /** How the answer was marked in the score; null when the score no longer tells. */
  scoredRight: boolean | null;
  /** The logged change to the question after this attempt answered it, if the log has one. */
  correctedSince: CorrectionNote | null;
}

/** One item per question of the attempt, in order. */
export type ReviewItem = AnsweredReviewItem | WithdrawnReviewItem;

/** One question of a challenge, both players' marks. */
export interface ChallengeRow {
  index: number;
  questionId: string;
  /** Null for a question since withdrawn from the bank. */
  prompt: string | null;
  /** This player. */
  you: boolean;
  /** The challenger; null if they left it unanswered. */
  them: boolean | null;
}

/** The challenger's result next to this player's. Server-side only: `attemptId` is the challenger's private key. */
export interface ChallengeComparison {
  attemptId: string;
  score: number;
  total: number;
  nickname: string | undefined;
  finished: boolean;
  /** This attempt's questions in order, which are the challenger's (less any updated since). */
  questions: ChallengeRow[];
}

export interface QuizResults {
  attemptId: string;
  score: number;
  total: number;
  topic: Topic | undefined;
  finishedAt: number;
  nickname: string | undefined;
  /** Set when the named result was left off the leaderboards: why, for its player. */
  offBoard: string | null;
  /** Among players of quizzes of the same length. */
  percentile: Percentile;
  review: ReviewItem[];
  /** Right or wrong per question in order, as the shared result shows them. */
  marks: boolean[];
  challenge: ChallengeComparison | null;
  /** The public, spoiler-free link to this result (lib/quiz/result-links.ts). */
  shareId: string;
}

/** A finished result as anyone with its share link may see it: marks, never answers. */
export interface ResultSummary {
  score: number;
  total: number;
  /** Right or wrong, per question in order. */
  marks: boolean[];
  /** Questions changed since this attempt answered them (0-based index), in order. */
  corrected: { index: number; note: CorrectionNote }[];
  /** Questions withdrawn from the bank since this attempt answered them, with no entry in the log (0-based index), in order. */
  withdrawn: number[];
  /** Only when the player chose one for the leaderboard. */
  nickname: string | undefined;
  percentile: Percentile;
  topic: Topic | undefined;
  /** The length the player asked for (5, 10 or 20), which a challenge starts with. */
  requested: number;
}

export interface LeaderboardEntry {
  /** 1-based; no shared ranks, the earlier finish wins a tie. */
  rank: number;
  nickname: string;
  score: number;
  /** Number of questions in that quiz. */
  length: number;
  finishedAt: number;
  /** This is the viewer's own attempt (attempt ids stay private: they are the key to a result). */
  you: boolean;
}

export interface NamedResult {
  nickname: string;
  /** 1-based rank on each board, or null when the score did not make the top BOARD_CAPACITY. */
  rank: { day: number | null; month: number | null };
  /** Why the result is not on the boards at all (too fast to read, its network's share taken), for its player. */
  offBoard: string | null;
}

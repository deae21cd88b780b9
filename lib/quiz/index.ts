import "server-only";
import { getStore } from "@/lib/store";
import * as attempts from "./attempts";
import { getBank } from "./bank";
import { withDefaults, type QuizDeps, type Requester } from "./context";
import * as results from "./results";
import type { LeaderboardBoard } from "./keys";
import * as leaderboard from "./leaderboard";
import type { AnswerInput, StartQuizInput } from "./schemas";

/**
 * The quiz's public API for route handlers and server components. Client
 * components import `@/lib/quiz/schemas` (types and form schemas) instead:
 * everything here is server-only because the bank holds the answer key.
 */

export * from "./schemas";
export { QuizError, type QuizErrorCode } from "./errors";
export { getBank, getQuestion, getQuestions, feedbackFor, loadBank, toPublicQuestion } from "./bank";
export type { QuestionBank } from "./bank-validate";
export { isCorrect, normalizeAnswer, scoreAttempt } from "./scoring";
export { drawAttempt, drawQuestions, choiceOrder } from "./draw";
export { percentile, percentLabel, type Percentile } from "./percentile";
export { QUIZ_TTL, quizKeys, type LeaderboardBoard } from "./keys";
export type { QuizDeps, Requester } from "./context";
export { QUIZ_RATE_LIMITS } from "./limits";
export type { AnswerResult, AttemptQuestionView, AttemptView, Progress, StartedAttempt } from "./attempts";
export type { ChallengeComparison, ChallengeRow, QuizResults, ResultSummary, ReviewItem } from "./results";
export type { LeaderboardEntry, NamedResult } from "./leaderboard";

/** The quiz operations bound to a store and bank (tests pass their own; the app uses the defaults below). */
export function createQuizService(deps: QuizDeps) {
  const ctx = withDefaults(deps);
  return {
    startAttempt: (input: StartQuizInput, requester: Requester, options: { challengeOf?: string } = {}) =>
      attempts.startAttempt(ctx, input, requester, options),
    getAttempt: (attemptId: string) => attempts.getAttempt(ctx, attemptId),
    answerQuestion: (attemptId: string, input: AnswerInput, requester: Requester) =>
      attempts.answerQuestion(ctx, attemptId, input, requester),
    getResults: (attemptId: string) => results.getResults(ctx, attemptId),
    getResultSummary: (attemptId: string, length: number) => results.getResultSummary(ctx, attemptId, length),
    retryMissed: (attemptId: string) => results.retryMissed(ctx, attemptId),
    checkPractice: (attemptId: string, input: AnswerInput) => results.checkPractice(ctx, attemptId, input),
    submitNickname: (attemptId: string, nickname: string, requester: Requester) =>
      leaderboard.submitNickname(ctx, attemptId, nickname, requester),
    getLeaderboard: (board: LeaderboardBoard, limit?: number, options?: { viewerAttemptId?: string }) =>
      leaderboard.getLeaderboard(ctx, board, limit, options),
  };
}

export type QuizService = ReturnType<typeof createQuizService>;

async function service(): Promise<QuizService> {
  return createQuizService({ store: await getStore(), bank: getBank() });
}

export async function startAttempt(input: StartQuizInput, requester: Requester, options: { challengeOf?: string } = {}) {
  return (await service()).startAttempt(input, requester, options);
}
export async function getAttempt(attemptId: string) {
  return (await service()).getAttempt(attemptId);
}
export async function answerQuestion(attemptId: string, input: AnswerInput, requester: Requester) {
  return (await service()).answerQuestion(attemptId, input, requester);
}
export async function getResults(attemptId: string) {
  return (await service()).getResults(attemptId);
}
export async function getResultSummary(attemptId: string, length: number) {
  return (await service()).getResultSummary(attemptId, length);
}
export async function retryMissed(attemptId: string) {
  return (await service()).retryMissed(attemptId);
}
export async function checkPractice(attemptId: string, input: AnswerInput) {
  return (await service()).checkPractice(attemptId, input);
}
export async function submitNickname(attemptId: string, nickname: string, requester: Requester) {
  return (await service()).submitNickname(attemptId, nickname, requester);
}
export async function getLeaderboard(board: LeaderboardBoard, limit?: number, options?: { viewerAttemptId?: string }) {
  return (await service()).getLeaderboard(board, limit, options);
}

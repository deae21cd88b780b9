import "server-only";
import type { Requester } from "@/lib/http/requester";
import type { AnswerInput } from "@/lib/questions/requests";
import { appDeps, serviceContext, type ServiceDeps } from "@/lib/service";
import * as attempts from "./attempts";
import type { LeaderboardBoard } from "./keys";
import * as leaderboard from "./leaderboard";
import type { StartQuizInput } from "./requests";
import * as results from "./results";

/**
 * The solo quiz: its service for route handlers and server components.
 * Client components import `./requests` (form schemas), `./views` and
 * `./paths` instead: this file is server-only because the bank holds the
 * answer key.
 */

/** The quiz operations bound to `deps` (see lib/service.ts). */
export function createQuizService(deps: ServiceDeps) {
  const ctx = serviceContext(deps);
  return {
    startAttempt: (input: StartQuizInput, requester: Requester, options: { challengeOf?: string } = {}) =>
      attempts.startAttempt(ctx, input, requester, options),
    getAttempt: (attemptId: string) => attempts.getAttempt(ctx, attemptId),
    getResumePoint: (attemptId: string) => attempts.getResumePoint(ctx, attemptId),
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

/** The quiz on the app's store and bank. */
export async function quizService(): Promise<QuizService> {
  return createQuizService(await appDeps());
}

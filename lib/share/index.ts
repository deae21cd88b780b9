import "server-only";
import type { Requester } from "@/lib/http/requester";
import { createQuizService } from "@/lib/quiz";
import { QUIZ_MESSAGES, QuizError } from "@/lib/quiz/errors";
import type { StartQuizInput } from "@/lib/quiz/requests";
import { readResultLink, type ResultLink } from "@/lib/quiz/result-links";
import type { StartedAttempt } from "@/lib/quiz/views";
import { consume } from "@/lib/rate-limit";
import { appDeps, serviceContext, type ServiceDeps } from "@/lib/service";
import { SHARE_RATE_LIMITS } from "./limits";
import type { SharedResult } from "./views";

/**
 * Sharing: its service for pages and route handlers. It follows a result's
 * public link (lib/quiz/result-links.ts) to the quiz's spoiler-free summary,
 * and starts "beat my score" challenges. Client components import the
 * React-free helpers directly (share-line, share-targets, views), never
 * this file.
 */

/** The share operations bound to `deps` (see lib/service.ts). */
export function createShareService(deps: ServiceDeps) {
  const ctx = serviceContext(deps);
  const quiz = createQuizService(deps);

  async function follow(shareId: string, expired: string): Promise<ResultLink> {
    const link = await readResultLink(ctx.store, shareId);
    if (!link) throw new QuizError("not_found", expired);
    return link;
  }

  /** Two round trips: the link, then the attempt with its score buckets. */
  async function getSharedResult(shareId: string): Promise<SharedResult> {
    const link = await follow(shareId, QUIZ_MESSAGES.resultExpired);
    return { shareId, ...(await quiz.getResultSummary(link.attemptId, link.length)) };
  }

  return {
    getSharedResult,

    /** A result for its share image: the client's image limit first (one more round trip), then the result. */
    async getSharedResultImage(shareId: string, requester: Requester): Promise<SharedResult> {
      await consume(ctx.store, SHARE_RATE_LIMITS.imagesPerClient, requester.client, ctx.now());
      return getSharedResult(shareId);
    },

    /**
     * "Beat my score": a new attempt on the shared result's questions. Three
     * round trips: the link, the challenger's questions, the new attempt.
     * The challenger's attempt id stays on the server.
     */
    async startChallenge(input: StartQuizInput & { challenge: string }, requester: Requester): Promise<StartedAttempt> {
      const link = await follow(input.challenge, QUIZ_MESSAGES.challengeExpired);
      return quiz.startAttempt(input, requester, { challengeOf: link.attemptId });
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;

/** Sharing on the app's store and bank. */
export async function shareService(): Promise<ShareService> {
  return createShareService(await appDeps());
}

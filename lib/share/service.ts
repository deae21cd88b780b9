import type { QuizService, Requester, ResultSummary, StartedAttempt, StartQuizInput } from "@/lib/quiz";
import { QUIZ_MESSAGES, QuizError } from "@/lib/quiz/errors";
import type { Store } from "@/lib/store/types";
import { readResultLink, type ResultLink } from "./result-links";

/** A result as its share link shows it. */
export interface SharedResult extends ResultSummary {
  shareId: string;
}

export interface ShareDeps {
  store: Store;
  quiz: Pick<QuizService, "getResultSummary" | "startAttempt">;
}

/** The share operations bound to a store and quiz service (tests pass their own; the app uses lib/share/index.ts). */
export function createShareService({ store, quiz }: ShareDeps) {
  async function follow(shareId: string, expired: string): Promise<ResultLink> {
    const link = await readResultLink(store, shareId);
    if (!link) throw new QuizError("not_found", expired);
    return link;
  }

  return {
    /** Two round trips: the link, then the attempt with its score buckets. */
    async getSharedResult(shareId: string): Promise<SharedResult> {
      const link = await follow(shareId, QUIZ_MESSAGES.resultExpired);
      return { shareId, ...(await quiz.getResultSummary(link.attemptId, link.length)) };
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

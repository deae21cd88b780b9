import "server-only";
import { createQuizService, getBank, type Requester, type StartQuizInput } from "@/lib/quiz";
import { getStore } from "@/lib/store";
import { createShareService, type ShareService } from "./service";

/**
 * Sharing's server API for pages and route handlers. Client components
 * import the React-free helpers directly (share-line, share-targets,
 * schemas), never this file.
 */

export type { SharedResult } from "./service";

async function service(): Promise<ShareService> {
  const store = await getStore();
  return createShareService({ store, quiz: createQuizService({ store, bank: getBank() }) });
}

export async function getSharedResult(shareId: string) {
  return (await service()).getSharedResult(shareId);
}

export async function startChallenge(input: StartQuizInput & { challenge: string }, requester: Requester) {
  return (await service()).startChallenge(input, requester);
}

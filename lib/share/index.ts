import "server-only";
import { createQuizService, getBank, type Requester, type StartQuizInput } from "@/lib/quiz";
import { consume } from "@/lib/rate-limit";
import { getStore } from "@/lib/store";
import { SHARE_RATE_LIMITS } from "./limits";
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

/** A result for its share image: the client's image limit first (one more round trip), then the result. */
export async function getSharedResultImage(shareId: string, client: string) {
  await consume(await getStore(), SHARE_RATE_LIMITS.imagesPerClient, client);
  return getSharedResult(shareId);
}

export async function startChallenge(input: StartQuizInput & { challenge: string }, requester: Requester) {
  return (await service()).startChallenge(input, requester);
}

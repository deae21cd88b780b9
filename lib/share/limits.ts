import { limitRule, type RateLimitRule } from "@/lib/rate-limit";

/**
 * Sharing's rate limit. A share link itself is written at most once per
 * finished attempt (in the transaction that finishes it, lib/quiz/results.ts),
 * so starts and answers already bound how fast links can be made. What a
 * script could still do cheaply is make the server draw result images: each
 * is a store read and ~100 ms of CPU. Images under their versioned URL are
 * cached for a year, so real traffic is one draw per card per cache, and a
 * class of 40 previewing each other's results is 40 draws; the allowance of
 * 600 in ten minutes per client leaves room for a link-preview crawler
 * fetching a popular result from one address.
 */
export const SHARE_RATE_LIMITS = {
  imagesPerClient: limitRule("share-image", 600, 600, (wait) => `Too many share images have been requested from this network. Please try again in ${wait}.`),
} as const satisfies Record<string, RateLimitRule>;

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { execNamed, op, type Store } from "@/lib/store";
import { QUIZ_TTL } from "./keys";
import { shareIdSchema } from "./requests";

/**
 * Public links to finished results. The link is a separate random id that
 * maps to the attempt, because the attempt id opens the player's private
 * results page (every answer and explanation) and lets them name the result.
 *
 * | key                 | type   | value                          | TTL                    |
 * |---------------------|--------|--------------------------------|------------------------|
 * | share:res:{shareId} | string | {"attemptId","length"} as JSON | 30 days, like attempts |
 *
 * The attempt hash keeps its share id in the `shareId` field, so its results
 * page finds the link without another read. Links are written in the
 * transaction that finishes an attempt (./results.ts, getResults); lib/share
 * follows them.
 */

/** A link lives as long as the attempt it points to. */
export const SHARE_LINK_TTL = QUIZ_TTL.attempt;

export const shareKeys = {
  result: (shareId: string) => `share:res:${shareId}`,
} as const;

export function newShareId(): string {
  return randomBytes(12).toString("base64url");
}

/** What a link stores: the attempt, and its length, which names the score buckets to read for the percentile. */
export interface ResultLink {
  attemptId: string;
  length: number;
}

const StoredLink = z.object({ attemptId: z.string().min(1), length: z.number().int().min(1) });

/** The write that creates a link, for the caller's transaction. */
export function linkResultOp(shareId: string, link: ResultLink) {
  return op.set(shareKeys.result(shareId), JSON.stringify(link), { ttlSeconds: SHARE_LINK_TTL });
}

/** One round trip. null for an id that cannot be ours (no read), an expired link or an unreadable value. */
export async function readResultLink(store: Store, shareId: string): Promise<ResultLink | null> {
  if (!shareIdSchema.safeParse(shareId).success) return null;
  const { value } = await execNamed(store, { value: op.get(shareKeys.result(shareId)) });
  if (value === null) return null;
  try {
    const parsed = StoredLink.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

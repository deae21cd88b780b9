import "server-only";
import { z } from "zod";
import { fingerprint, idempotencyErrors } from "@/lib/http/idempotency";
import { op } from "@/lib/store";
import { classroomKeys } from "./keys";
import { idempotencyKeyHash, playerTokenFor } from "./tokens";

/**
 * Idempotent joins. A join takes two or three round trips, so its key is
 * claimed in the first one (`session:{id}:join:{hash of the key}`, set if
 * absent, "pending" with the payload's fingerprint), and completed with the
 * result in the write that adds the player. A retry that finds:
 * - "pending": the first is still running, on this or another instance → 409;
 * - "done" with the same payload: the first's result again (same player,
 *   same token: see playerTokenFor) → 201 as before;
 * - either with another payload → 422.
 * A join that fails releases its claim, so the retry can try again.
 *
 * A pending claim lives a minute (a join takes milliseconds; a crashed
 * instance's claim frees itself). A done record lives a day at most, and
 * never longer than the session: retries come within seconds, and the
 * record holds a nickname.
 */

const PENDING_TTL_SECONDS = 60;
const DONE_TTL_SECONDS = 24 * 60 * 60;

const StoredJoin = z.discriminatedUnion("s", [
  z.object({ s: z.literal("pending"), f: z.string() }),
  z.object({ s: z.literal("done"), f: z.string(), n: z.string(), p: z.string(), w: z.literal(1).optional() }),
]);

/** What the claim's ops read: whether this request set it, and its value now. */
export interface JoinRetryResults {
  claimed: boolean;
  current: string | null;
}

export interface JoinRetry {
  /** The claim, a named batch for the first round trip (set if absent, then read). */
  ops: { claimed: ReturnType<typeof op.set>; current: ReturnType<typeof op.get> };
  token: string;
  /** Releases the claim after a failed join. */
  releaseOp: ReturnType<typeof op.del>;
  /** Completes the claim, in the write that adds the player. */
  doneOp(result: JoinResult, ttlSeconds: number): ReturnType<typeof op.set>;
  /** After the first round trip: null when this request holds the claim, else the earlier result (or 409/422). */
  earlier(results: JoinRetryResults): (JoinResult & { token: string }) | null;
}

/** What a completed join records: the player, and whether they were told to wait for the teacher. */
interface JoinResult {
  nickname: string;
  playerId: string;
  waiting: boolean;
}

export function joinRetry(sessionId: string, idempotencyKey: string, payload: { nickname: string | undefined }): JoinRetry {
  const key = classroomKeys.joinRetry(sessionId, idempotencyKeyHash(idempotencyKey));
  const f = fingerprint(payload.nickname ?? null);
  const token = playerTokenFor(sessionId, idempotencyKey);
  return {
    ops: { claimed: op.set(key, JSON.stringify({ s: "pending", f }), { ttlSeconds: PENDING_TTL_SECONDS, ifAbsent: true }), current: op.get(key) },
    token,
    releaseOp: op.del(key),
    doneOp: ({ nickname, playerId, waiting }, ttlSeconds) =>
      op.set(key, JSON.stringify({ s: "done", f, n: nickname, p: playerId, ...(waiting ? { w: 1 } : {}) }), {
        ttlSeconds: Math.min(ttlSeconds, DONE_TTL_SECONDS),
      }),
    earlier({ claimed, current }) {
      if (claimed) return null;
      let record: z.infer<typeof StoredJoin> | null = null;
      try {
        const parsed = StoredJoin.safeParse(JSON.parse(current ?? "null"));
        record = parsed.success ? parsed.data : null;
      } catch {
        record = null;
      }
      // Unreadable (an older deploy's record): treat it as in flight; it expires.
      if (!record) throw idempotencyErrors.inFlight("Your request to join");
      if (record.f !== f) throw idempotencyErrors.reused("with a different nickname");
      if (record.s === "pending") throw idempotencyErrors.inFlight("Your request to join");
      return { nickname: record.n, playerId: record.p, waiting: record.w === 1, token };
    },
  };
}

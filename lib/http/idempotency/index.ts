import { createHash, randomUUID } from "node:crypto";
import { ApiError } from "../api-error";

/**
 * Server side of idempotency keys (the wire format is ./fields.ts).
 *
 * Semantics, for every write that takes a key:
 * - a retry after success gets the stored result: same status, same body;
 * - a retry while the first request is still being processed gets 409;
 * - the same key with a different payload gets 422.
 *
 * Where the result is stored depends on the write (quiz answers: in the
 * answer slot itself; joins: a claim key), so each keeps its own record and
 * uses the helpers here for the shared parts.
 */

/** A fresh key for one rendered form: pages pass it to the form, which posts it with every submit of that form. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** A short, stable digest of a request's payload, to tell "the same request again" from "another request". */
export function fingerprint(payload: unknown): string {
  return createHash("sha256").update(JSON.stringify(payload)).digest("base64url").slice(0, 22);
}

export const idempotencyErrors = {
  /** `what`: the request as a person calls it, as in "Your answer". */
  inFlight: (what: string) =>
    new ApiError(409, "request_in_progress", `${what} is still being processed from an earlier tap. Wait a moment, then reload the page.`, undefined, {
      "Retry-After": "1",
    }),
  /** `difference`: what changed, as in "with a different answer". */
  reused: (difference: string) =>
    new ApiError(
      422,
      "idempotency_key_reused",
      `This form was already sent ${difference}. Reload the page to get a fresh form, then send it again.`,
    ),
};

const REGISTRY = Symbol.for("trump-kim-explained.idempotency-in-flight");
type WithRegistry = typeof globalThis & { [REGISTRY]?: Set<string> };

/** Keys being processed by this process (on globalThis so every bundle and dev reload shares one). */
function inFlightKeys(): Set<string> {
  const holder = globalThis as WithRegistry;
  return (holder[REGISTRY] ??= new Set());
}

/**
 * Runs `work` unless a request with the same `scope` is already running in
 * this process, which gets `onDuplicate()` (a 409) instead.
 *
 * Only this process can be seen here. Two copies of a request reaching two
 * instances at once both run, and the store decides: each write that takes a
 * key is one atomic compare-and-set (or claim) that records the key with the
 * result, so one wins and the other finds the key already there and answers
 * with the stored result — never a second write.
 */
export async function runOnce<T>(scope: string, onDuplicate: () => Error, work: () => Promise<T>): Promise<T> {
  const keys = inFlightKeys();
  if (keys.has(scope)) throw onDuplicate();
  keys.add(scope);
  try {
    return await work();
  } finally {
    keys.delete(scope);
  }
}

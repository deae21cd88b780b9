import type { NormalizedAnswer } from "@/lib/questions/schemas";
import { decodeAnswer } from "@/lib/questions/scoring";

/**
 * An answer slot's value (quizKeys.slot): "pending" until answered, then
 * the encoded answer — prefixed with the request's idempotency key when it
 * had one, so the one compare-and-set that records the answer also records
 * which request did (no second key, no second round trip). Keys are
 * URL-safe characters and an encoded answer is JSON (it starts with `"` or
 * `[`), so the `|` cannot be ambiguous.
 */

const KEYED = /^([A-Za-z0-9_-]{16,64})\|(.*)$/s;

export function encodeSlot(encodedAnswer: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? encodedAnswer : `${idempotencyKey}|${encodedAnswer}`;
}

export function decodeSlot(value: string): { answer: NormalizedAnswer | null; idempotencyKey: string | undefined } {
  const keyed = KEYED.exec(value);
  return keyed ? { answer: decodeAnswer(keyed[2]), idempotencyKey: keyed[1] } : { answer: decodeAnswer(value), idempotencyKey: undefined };
}

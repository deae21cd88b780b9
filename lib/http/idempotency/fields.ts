/**
 * Idempotency keys on the wire (client-safe, and free of Zod: forms import
 * this). A script sends the `Idempotency-Key` header; a plain HTML form sends
 * the hidden `idempotencyKey` field the server rendered into it, fresh per
 * rendered form, so a double submit or a resubmit after a lost response
 * carries the same key. Their format: ./key.ts. What the server
 * does with them: ./index.ts.
 */

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_FIELD = "idempotencyKey";

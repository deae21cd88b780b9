import { clientSubject } from "./client-address";
import { idempotencyKeyOf } from "./idempotency/key";

/** Who sent a write: the client its rate limits count against, and the request's idempotency key. */
export interface Requester {
  /** ./client-address.ts clientSubject: the address configuration says to trust (socket, proxy or Vercel). */
  client: string;
  idempotencyKey?: string;
}

/** Who sent a write (for its rate limits) and its idempotency key (header, else the form's hidden field). */
export function requesterOf(request: Request, body: { idempotencyKey?: string } = {}): Requester {
  return { client: clientSubject(request.headers), idempotencyKey: idempotencyKeyOf(request, body.idempotencyKey) };
}

/**
 * Who sent a request that takes no idempotency key: its client only, so a
 * stray or malformed `Idempotency-Key` header is ignored rather than refused.
 */
export function clientOf(headers: Headers): Requester {
  return { client: clientSubject(headers) };
}

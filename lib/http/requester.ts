import type { Requester } from "@/lib/quiz/context";
import { clientSubject } from "@/lib/rate-limit";
import { idempotencyKeyOf } from "./idempotency-key";

/** Who sent a write (for its rate limits) and its idempotency key (header, else the form's hidden field). */
export function requesterOf(request: Request, body: { idempotencyKey?: string } = {}): Requester {
  return { client: clientSubject(request.headers), idempotencyKey: idempotencyKeyOf(request, body.idempotencyKey) };
}

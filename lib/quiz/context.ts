import type { Store } from "@/lib/store";
import type { QuestionBank } from "./bank-validate";
import { cryptoRandomInt, type RandomInt } from "./draw";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { attemptIdSchema } from "./schemas";

/** What the store operations need; tests pass a fixture bank, a fixed clock or a seeded random source. */
export interface QuizDeps {
  store: Store;
  bank: QuestionBank;
  now?: () => number;
  random?: RandomInt;
}

export interface QuizContext {
  store: Store;
  bank: QuestionBank;
  now: () => number;
  random: RandomInt;
}

/** Who sent a write: the client its rate limits count against, and the request's idempotency key. */
export interface Requester {
  /** lib/rate-limit.ts clientSubject: the address the nearest proxy saw. */
  client: string;
  idempotencyKey?: string;
}

export function withDefaults(deps: QuizDeps): QuizContext {
  return { store: deps.store, bank: deps.bank, now: deps.now ?? Date.now, random: deps.random ?? cryptoRandomInt };
}

/** An id that cannot be ours is simply not found: no store round trip, no key built from junk. */
export function assertAttemptId(attemptId: string): void {
  if (!attemptIdSchema.safeParse(attemptId).success) throw new QuizError("not_found", QUIZ_MESSAGES.attemptNotFound);
}

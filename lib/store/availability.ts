import { StoreUnavailableError } from "./errors";

/**
 * Whether the store answers, as this process last saw it: every guarded
 * call reports its outcome (./guard.ts), so while the site is busy the
 * answer costs nothing; when the last word is older than FRESH_MS, one
 * ping (at most one at a time, under a short deadline) refreshes it. The
 * proxy asks before rendering a page that needs the store (lib/http/store-gate.ts).
 */

export type Availability = { up: true } | { up: false; retryAfterSeconds: number };

/** How long a call's outcome stands for the store's state: short, so pages come back within about a second of the store. */
export const FRESH_MS = 1_000;
/** A ping slower than this counts as down: a page must not wait the full store deadline to learn it. */
export const PROBE_DEADLINE_MS = 500;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

interface State {
  last?: { availability: Availability; at: number };
  probing?: Promise<Availability>;
}

// On globalThis: the proxy and the pages are separate bundles in one process, and must share what they saw.
const KEY = Symbol.for("trump-kim-explained.store-availability");
type WithState = typeof globalThis & { [KEY]?: State };
const state = (): State => ((globalThis as WithState)[KEY] ??= {});

export function noteStoreAnswered(now = Date.now()): void {
  state().last = { availability: { up: true }, at: now };
}

export function noteStoreUnreachable(retryAfterSeconds: number, now = Date.now()): void {
  state().last = { availability: { up: false, retryAfterSeconds }, at: now };
}

/** Forgets what was seen (tests). */
export function resetStoreAvailability(): void {
  delete (globalThis as WithState)[KEY];
}

/** The store's state: the last call's outcome while fresh, else what `ping` says within PROBE_DEADLINE_MS. */
export function storeAvailability(ping: () => Promise<unknown>, clock: () => number = Date.now): Promise<Availability> {
  const current = state();
  const { last } = current;
  if (last && clock() - last.at < FRESH_MS) return Promise.resolve(last.availability);
  current.probing ??= probe(ping, clock).finally(() => {
    current.probing = undefined;
  });
  return current.probing;
}

async function probe(ping: () => Promise<unknown>, clock: () => number): Promise<Availability> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`The store did not answer a ping within ${PROBE_DEADLINE_MS} ms.`)), PROBE_DEADLINE_MS);
  });
  try {
    await Promise.race([ping(), deadline]);
    noteStoreAnswered(clock());
  } catch (error) {
    // Any failure, even a misconfiguration, means the pages cannot be served: the outage page says so.
    noteStoreUnreachable(error instanceof StoreUnavailableError ? error.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS, clock());
  } finally {
    clearTimeout(timer);
  }
  return state().last?.availability ?? { up: false, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS };
}

import type { Store } from "./types";

/**
 * What a store has sent to its backend since it was opened. `npm run bench`
 * reads these before and after one request (nothing else runs meanwhile) to
 * report the store cost of an answer, a quiz start or a classroom poll.
 */
export interface StoreCounts {
  /** Calls that reach the backend: each `exec`, `execIf`, `ping` and `keys` is one round trip. */
  roundTrips: number;
  /** Commands inside them: every op, plus one for an `execIf` guard (its compare-and-set). */
  commands: number;
  /** Time spent waiting for the store, summed over calls (overlapping calls each count). */
  waitMs: number;
}

// A symbol from the global registry, so the counters are found whichever bundle reads them.
const COUNTS = Symbol.for("trump-kim-explained.store-counts");

type Counted = Store & { readonly [COUNTS]: StoreCounts };

/**
 * Wraps a store so that every call is counted. Only turned on by the
 * BENCH_ROUTES flag (see `getStore`); otherwise the app never pays for it.
 */
export function countingStore(store: Store): Store {
  const counts: StoreCounts = { roundTrips: 0, commands: 0, waitMs: 0 };
  const counted = async <R>(commands: number, call: () => Promise<R>): Promise<R> => {
    counts.roundTrips += 1;
    counts.commands += commands;
    const started = performance.now();
    try {
      return await call();
    } finally {
      counts.waitMs += performance.now() - started;
    }
  };
  const wrapper: Counted = {
    kind: store.kind,
    exec: (ops) => counted(ops.length, () => store.exec(ops)),
    execIf: (guard, ops) => counted(ops.length + 1, () => store.execIf(guard, ops)),
    ping: () => counted(1, () => store.ping()),
    keys: (prefix) => counted(1, () => store.keys(prefix)),
    close: () => store.close(),
    [COUNTS]: counts,
  };
  return wrapper;
}

/** A copy of the counters of a counting store; null for any other store. */
export function storeCounts(store: Store): StoreCounts | null {
  const counts = (store as Partial<Counted>)[COUNTS];
  return counts ? { ...counts } : null;
}

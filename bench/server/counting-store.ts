import type { Store } from "@/lib/store/types";

/**
 * A store that counts what it sends to its backend: the bench reads the
 * counts around one request (in the bench build's server, see
 * ./store-counts.ts), and the classroom load script and the contract tests
 * around one service call.
 */
export interface StoreCounts {
  /** Calls that reach the backend: each `exec`, `execIf`, `ping` and `keys` is one round trip. */
  roundTrips: number;
  /** Commands inside them: every op, plus one for an `execIf` guard (its compare-and-set). */
  commands: number;
  /** Time spent waiting for the store, summed over calls (overlapping calls each count). */
  waitMs: number;
}

export interface CountingStore {
  /** The store to use instead of the one wrapped: every call is counted, then passed on. */
  readonly store: Store;
  /** A copy of the counts so far. */
  counts(): StoreCounts;
}

export function countingStore(store: Store): CountingStore {
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
  return {
    store: {
      kind: store.kind,
      exec: (ops) => counted(ops.length, () => store.exec(ops)),
      execIf: (guard, ops) => counted(ops.length + 1, () => store.execIf(guard, ops)),
      ping: () => counted(1, () => store.ping()),
      keys: (prefix) => counted(1, () => store.keys(prefix)),
      close: () => store.close(),
    },
    counts: () => ({ ...counts }),
  };
}

import "server-only";
import { getStore } from "@/lib/store";
import type { Store } from "@/lib/store/types";
import { countingStore, type CountingStore, type StoreCounts } from "./counting-store";

/**
 * Counting in the bench build's server, with nothing in the product for it.
 * `getStore()` keeps the process's store on globalThis under this key (see
 * lib/store/index.ts), as a promise; the bench's store-counts route puts a
 * counting store in its place when the bench asks it to, right after the
 * server has started. From then on every route that calls `getStore()` gets
 * the counting store. If lib/store/index.ts ever keeps its store elsewhere,
 * counting refuses to start (it checks that `getStore()` returns its store)
 * instead of reporting zeros.
 */
const STORE_KEY = Symbol.for("trump-kim-explained.store");
const COUNTER_KEY = Symbol.for("trump-kim-explained.bench.store-counter");

type Holder = typeof globalThis & { [STORE_KEY]?: Promise<Store>; [COUNTER_KEY]?: CountingStore };

/** Starts counting the store's calls, once; later calls change nothing. Returns the counts so far. */
export async function startCounting(): Promise<StoreCounts> {
  const holder = globalThis as Holder;
  if (!holder[COUNTER_KEY]) {
    const counter = countingStore(await getStore());
    holder[STORE_KEY] = Promise.resolve(counter.store);
    if ((await getStore()) !== counter.store) {
      throw new Error("getStore() no longer keeps its store where the bench looks for it: see bench/server/store-counts.ts");
    }
    holder[COUNTER_KEY] = counter;
  }
  return holder[COUNTER_KEY].counts();
}

/** The counts so far; null until counting has started. */
export function readCounts(): StoreCounts | null {
  return (globalThis as Holder)[COUNTER_KEY]?.counts() ?? null;
}

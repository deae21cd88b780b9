import "server-only";
import { DEFAULT_STORE_TIMEOUT_MS, describeStore, env, type StoreConfig } from "@/lib/env";
import { guardStore, type GuardOptions } from "./guard";
import type { Store } from "./types";
import { wellFormedStore } from "./well-formed";

export * from "./errors";
export * from "./ops";
export * from "./named";
export * from "./types";
export { StoreOpError } from "./op-error";

/**
 * A guarded store for `config`: the same text rule on every adapter
 * (./well-formed.ts), outages as StoreUnavailableError, and for the network
 * stores a deadline (./guard.ts). Only the adapter in use is loaded, so a
 * deployment on Vercel KV never loads the native SQLite module, and vice versa.
 */
export async function createStore(config: StoreConfig, options?: { timeoutMs?: number }): Promise<Store> {
  const { store, guard } = await openAdapter(config, options?.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
  return guardStore(wellFormedStore(store), guard);
}

async function openAdapter(config: StoreConfig, timeoutMs: number): Promise<{ store: Store; guard: GuardOptions }> {
  switch (config.kind) {
    case "embedded": {
      const { openEmbeddedStore, isEmbeddedUnavailable } = await import("./embedded");
      return { store: await openEmbeddedStore(config), guard: { isUnavailable: isEmbeddedUnavailable } };
    }
    case "redis": {
      const { openRedisStore, isRedisUnavailable } = await import("./redis");
      return { store: await openRedisStore(config, { timeoutMs }), guard: { timeoutMs, isUnavailable: isRedisUnavailable } };
    }
    case "vercel-kv": {
      const { openVercelKvStore, isVercelKvUnavailable } = await import("./vercel-kv");
      return { store: await openVercelKvStore(config, { timeoutMs }), guard: { timeoutMs, isUnavailable: isVercelKvUnavailable } };
    }
  }
}

// On globalThis so that dev-mode hot reloads reuse one connection instead of opening one per reload.
const SINGLETON = Symbol.for("trump-kim-explained.store");
type WithStore = typeof globalThis & { [SINGLETON]?: Promise<Store> };

/** The process-wide store, built from the environment on first use. */
export function getStore(): Promise<Store> {
  const holder = globalThis as WithStore;
  if (!holder[SINGLETON]) {
    const { store: config, storeTimeoutMs } = env();
    const created = createStore(config, { timeoutMs: storeTimeoutMs });
    holder[SINGLETON] = created;
    created.then(
      () => console.info(`store: ${describeStore(config)}`),
      // Forget a failed start so the next request tries again.
      () => {
        if (holder[SINGLETON] === created) delete holder[SINGLETON];
      },
    );
  }
  return holder[SINGLETON];
}

/** Closes the process-wide store (shutdown, tests); the next getStore() opens a new one. */
export async function closeStore(): Promise<void> {
  const holder = globalThis as WithStore;
  const current = holder[SINGLETON];
  delete holder[SINGLETON];
  // A store that failed to open has nothing to close.
  await current?.then(
    (store) => store.close(),
    () => undefined,
  );
}

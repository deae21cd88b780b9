import { inject } from "vitest";
import type { StoreConfig } from "@/lib/env";
import type { Store } from "@/lib/store";

/**
 * For the classroom's contract suite and load script: every store adapter
 * (Redis and the Upstash bridge come from tests/support/global-setup.ts;
 * undefined when redis-server is missing), and a store that counts its
 * round trips.
 */

export function storeConfigs(dataDir: string): [name: string, config: StoreConfig | undefined][] {
  const redisUrl = inject("redisUrl");
  const upstashUrl = inject("upstashUrl");
  const upstashToken = inject("upstashToken");
  return [
    ["embedded", { kind: "embedded", dataDir }],
    ["redis", redisUrl ? { kind: "redis", url: redisUrl } : undefined],
    ["vercel-kv", upstashUrl && upstashToken ? { kind: "vercel-kv", url: upstashUrl, token: upstashToken } : undefined],
  ];
}

/** Wraps a store so each `exec` and `execIf` (one round trip each) is counted. */
export function countingStore(store: Store): { store: Store; trips: () => number } {
  let trips = 0;
  return {
    store: {
      kind: store.kind,
      exec: (ops) => ((trips += 1), store.exec(ops)),
      execIf: (guard, ops) => ((trips += 1), store.execIf(guard, ops)),
      ping: () => store.ping(),
      keys: (prefix) => store.keys(prefix),
      close: () => store.close(),
    },
    trips: () => trips,
  };
}

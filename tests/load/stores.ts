import { inject } from "vitest";
import type { StoreConfig } from "@/lib/env";

/**
 * For the classroom's contract suite and load script: every store adapter
 * (Redis and the Upstash bridge come from tests/support/global-setup.ts;
 * undefined when redis-server is missing). The store that counts its round
 * trips is bench/server/counting-store.ts.
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

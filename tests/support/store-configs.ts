import { inject } from "vitest";
import type { StoreConfig } from "@/lib/env";

/**
 * Every store adapter, for the contract suites: Redis and the Upstash
 * bridge come from tests/support/global-setup.ts (undefined when
 * redis-server is missing).
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

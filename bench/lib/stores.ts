import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { StoreConfig } from "@/lib/env";
import { hasRedisServer, REDIS_SERVER } from "../../tests/support/global-setup";
import { startUpstashBridge } from "../../tests/support/upstash-bridge";
import type { ServerStore } from "./app-server";
import { RedisServer } from "./redis";

/**
 * Throwaway stores for the entries: what to tell a server (`server`) and
 * what to open in-process to check or fill it (`config`).
 */

export interface Backend {
  name: "embedded" | "redis" | "vercel-kv";
  config: StoreConfig;
  /** What a `next start` on this store is given; none for Vercel KV (the entries only use it in-process). */
  server?: ServerStore;
  close(): Promise<void>;
}

/** An embedded store in a fresh temporary folder. */
export function embeddedBackend(): Backend & { server: ServerStore } {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-data-"));
  return {
    name: "embedded",
    config: { kind: "embedded", dataDir },
    server: { DATA_DIR: dataDir },
    close: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A redis-server of its own (see RedisServer for `durable`). */
export async function redisBackend(options: { durable: boolean }): Promise<Backend & { server: ServerStore; redis: RedisServer }> {
  const redis = await RedisServer.start(options);
  return { name: "redis", redis, config: { kind: "redis", url: redis.url }, server: { REDIS_URL: redis.url }, close: () => redis.stop() };
}

/** Vercel KV's client (@vercel/kv) talking to `redis` through the tests' Upstash REST bridge. */
export async function vercelKvBackend(redis: RedisServer): Promise<Backend> {
  const bridge = await startUpstashBridge(redis.url, "bench-token");
  return { name: "vercel-kv", config: { kind: "vercel-kv", url: bridge.url, token: bridge.token }, close: () => bridge.close() };
}

/**
 * Whether the Redis-backed stores can run here. Without redis-server they
 * are skipped with a warning, except with CI=true, where that is a failure.
 */
export function redisAvailable(): boolean {
  if (hasRedisServer()) return true;
  const message = `${REDIS_SERVER} was not found on PATH: the redis and vercel-kv stores cannot run.`;
  if (process.env.CI === "true") throw new Error(`${message} Install it (apt-get install redis-server).`);
  console.warn(`\n${message} They are skipped; install redis-server to run them.\n`);
  return false;
}

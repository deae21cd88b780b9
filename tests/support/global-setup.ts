import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import type { TestProject } from "vitest/node";
import { startUpstashBridge } from "./upstash-bridge";

/**
 * Starts a throwaway redis-server and an Upstash REST bridge in front of it,
 * for the redis and vercel-kv contract suites. Without redis-server those
 * suites skip locally; in CI (CI=true) that is a failure, not a skip.
 */

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string | undefined;
    upstashUrl: string | undefined;
    upstashToken: string | undefined;
  }
}

export const REDIS_SERVER = "redis-server";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasRedisServer()) {
    const message = `${REDIS_SERVER} was not found on PATH: the redis and vercel-kv store suites cannot run.`;
    if (process.env.CI === "true") throw new Error(`${message} Install it (apt-get install redis-server).`);
    console.warn(`\n${message} They are skipped; install redis-server to run them.\n`);
    project.provide("redisUrl", undefined);
    project.provide("upstashUrl", undefined);
    project.provide("upstashToken", undefined);
    return async () => undefined;
  }

  const redis = await startRedisServer();
  const bridge = await startUpstashBridge(redis.url, "test-token").catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  project.provide("redisUrl", redis.url);
  project.provide("upstashUrl", bridge.url);
  project.provide("upstashToken", bridge.token);

  return async () => {
    await bridge.close();
    await redis.stop();
  };
}

export function hasRedisServer(): boolean {
  return !spawnSync(REDIS_SERVER, ["--version"]).error;
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A throwaway, non-persistent redis-server on `port` (a free one by default), answering PING. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "store-tests-redis-"));
  const chosen = port ?? (await freePort());
  const server = spawn(
    REDIS_SERVER,
    ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${chosen}`;
  const stopServer = async () => {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(url, server);
  } catch (error) {
    await stopServer();
    throw error;
  }
  return { url, port: chosen, stop: stopServer };
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForPing(url: string, server: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${REDIS_SERVER} exited with code ${server.exitCode}`);
    const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.close();
      return;
    } catch {
      if (client.isOpen) client.destroy();
      if (Date.now() > deadline) throw new Error(`${REDIS_SERVER} did not answer PING within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

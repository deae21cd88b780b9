import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/handle-route";
import { healthResponse } from "@/lib/http/health-response";
import { closeStore, createStore, op, StoreOpError, StoreUnavailableError, type Store } from "@/lib/store";
import { guardStore } from "@/lib/store/guard";
import { checkStoreHealth } from "@/lib/store/health";
import { freePort, startRedisServer } from "../support/global-setup";

/** An outage must answer fast with StoreUnavailableError (→ 503), never hang or crash. */

const hasRedis = inject("redisUrl") !== undefined;
const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await closeStore();
  vi.unstubAllEnvs();
});

async function open(...args: Parameters<typeof createStore>): Promise<Store> {
  const store = await createStore(...args);
  opened.push(store);
  return store;
}

/** What GET /api/health would answer for this store. */
async function health(...args: Parameters<typeof checkStoreHealth>): Promise<Response> {
  return healthResponse(await checkStoreHealth(...args));
}

/** Resolves with how long `promise` took to reject, and the error. */
async function rejection(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  return { error, ms: Date.now() - started };
}

describe("an unreachable store", () => {
  it("redis on a closed port: opens without hanging, then fails fast", async () => {
    const started = Date.now();
    const store = await open({ kind: "redis", url: `redis://127.0.0.1:${await freePort()}` }, { timeoutMs: 500 });
    const { error, ms } = await rejection(store.exec([op.incrby("unreachable", 1)]));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeLessThan(200);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("embedded, while another connection (another instance) holds the database's write lock: 503 after the busy timeout, nothing lost", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "store-locked-"));
    const store = await open({ kind: "embedded", dataDir });
    await store.exec([op.set("kept", "1")]);
    const other = new Database(path.join(dataDir, "store.db"));
    try {
      other.exec("BEGIN IMMEDIATE");
      const { error, ms } = await rejection(store.exec([op.incrby("locked", 1)]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(7_000);
      other.exec("ROLLBACK");
      expect(await store.exec([op.get("kept"), op.incrby("locked", 1)])).toEqual(["1", 1]);
    } finally {
      other.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("vercel-kv on a closed port fails fast", async () => {
    const store = await open(
      { kind: "vercel-kv", url: `http://127.0.0.1:${await freePort()}`, token: "t" },
      { timeoutMs: 1_000 },
    );
    const { error, ms } = await rejection(store.ping());
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeLessThan(1_000);
  });

  it("a server that accepts but never answers hits the deadline", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      for (const config of [
        { kind: "vercel-kv", url: `http://127.0.0.1:${port}`, token: "t" },
        { kind: "redis", url: `redis://127.0.0.1:${port}` },
      ] as const) {
        const store = await open(config, { timeoutMs: 400 });
        const { error, ms } = await rejection(store.exec([op.get("k")]));
        expect(error, config.kind).toBeInstanceOf(StoreUnavailableError);
        expect(ms, config.kind).toBeLessThan(1_500);
      }
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });

  it("the health route answers 503 with Retry-After", async () => {
    vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${await freePort()}`);
    vi.stubEnv("STORE_TIMEOUT_MS", "300");
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toEqual({ store: "redis", reachable: false });
  });

  it.skipIf(!hasRedis)("redis: recovers within seconds of the server coming back", async () => {
    let server = await startRedisServer();
    const store = await open({ kind: "redis", url: server.url }, { timeoutMs: 1_000 });
    try {
      await store.exec([op.set("recovery", "before")]);
      await server.stop();
      const { error, ms } = await rejection(store.exec([op.get("recovery")]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(1_500);
      expect((await health("redis", store)).status).toBe(503);

      server = await startRedisServer(server.port);
      const back = Date.now();
      for (;;) {
        const ok = await store.exec([op.set("recovery", "after")]).then(
          () => true,
          () => false,
        );
        if (ok) break;
        expect(Date.now() - back).toBeLessThan(5_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await health("redis", store)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe("guardStore", () => {
  const never = new Promise<never>(() => undefined);
  const fake = (failWith?: unknown): Store => ({
    kind: "redis",
    exec: () => (failWith === undefined ? never : Promise.reject(failWith)),
    execIf: () => never,
    ping: () => never,
    keys: () => never,
    close: async () => undefined,
  });

  it("turns a hang into StoreUnavailableError at the deadline", async () => {
    const store = guardStore(fake(), { timeoutMs: 100, isUnavailable: () => false });
    const { error, ms } = await rejection(store.ping());
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeGreaterThanOrEqual(90);
    expect(ms).toBeLessThan(1_000);
  });

  it("without a deadline (the embedded store), waits for the call and still wraps outages", async () => {
    const slow: Store = { ...fake(), ping: () => new Promise((resolve) => setTimeout(resolve, 150)) };
    expect(await guardStore(slow, { isUnavailable: () => false }).ping()).toBeUndefined();
    const outage = new Error("SQLITE_BUSY: database is locked");
    const { error } = await rejection(guardStore(fake(outage), { isUnavailable: (e) => e === outage }).exec([]));
    expect(error).toBeInstanceOf(StoreUnavailableError);
  });

  it("wraps connection errors and passes refused commands and bugs through", async () => {
    const refused = new StoreOpError(0, "get", "WRONGTYPE Operation against a key holding the wrong kind of value");
    const bug = new TypeError("undefined is not a function");
    const outage = new Error("connect ECONNREFUSED");
    const isUnavailable = (error: unknown) => error === outage;

    const wrapped = await rejection(guardStore(fake(outage), { timeoutMs: 1_000, isUnavailable }).exec([]));
    expect(wrapped.error).toBeInstanceOf(StoreUnavailableError);
    expect((wrapped.error as Error).cause).toBe(outage);
    for (const error of [refused, bug]) {
      expect((await rejection(guardStore(fake(error), { timeoutMs: 1_000, isUnavailable }).exec([]))).error).toBe(
        error,
      );
    }
  });
});

describe("HTTP answers", () => {
  const call = (handler: () => Promise<Response>, init: RequestInit = {}) =>
    route(handler)(new Request("http://localhost/api/x", init), { params: Promise.resolve({}) });

  it("a store outage in a route is a 503 with Retry-After and an actionable message", async () => {
    const response = await call(async () => {
      throw new StoreUnavailableError("down", { retryAfterSeconds: 7 });
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("7");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("store_unavailable");
    expect(body.error.message).toMatch(/try again in 7 seconds/);
  });

  it("a bug in a route is a bare 500 that reveals nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call(async () => {
      throw new TypeError("secret detail at /srv/app/lib/x.ts");
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/secret|\/srv\//);
  });

  it("domain and API errors keep their status, and cross-site writes are refused", async () => {
    const conflict = await call(async () => {
      throw new ApiError(409, "conflict", "Already answered.");
    });
    expect(conflict.status).toBe(409);
    const crossSite = await call(async () => new Response("ok"), {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("health of a reachable embedded store: 200", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "store-health-"));
    const store = await createStore({ kind: "embedded", dataDir });
    try {
      const response = await health(store.kind, store);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ store: "embedded", reachable: true });
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countingStore } from "@/bench/server/counting-store";
import { describeStore, EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded store in .data", () => {
    expect(parseEnv({})).toEqual({
      store: { kind: "embedded", dataDir: ".data" },
      storeTimeoutMs: 1_500,
      siteUrl: "http://localhost:3000",
      distDir: ".next",
      development: false,
      clientAddress: { from: "forwarded-for", trustedProxyHops: 0 },
      clientKeySecret: undefined,
      classroomMaxPlayers: 2_000,
    });
  });

  it("takes CLIENT_KEY_SECRET for hashing client addresses, and refuses one too short to be secret", () => {
    const secret = "k".repeat(32);
    expect(parseEnv({ CLIENT_KEY_SECRET: secret }).clientKeySecret).toBe(secret);
    expect(parseEnv({ CLIENT_KEY_SECRET: " " }).clientKeySecret).toBeUndefined();
    expect(() => parseEnv({ CLIENT_KEY_SECRET: "short" })).toThrow(/CLIENT_KEY_SECRET must be at least 32 characters/);
  });

  it("respects DATA_DIR, and treats blank values as unset", () => {
    expect(parseEnv({ DATA_DIR: "/var/lib/quiz" }).store).toEqual({ kind: "embedded", dataDir: "/var/lib/quiz" });
    expect(parseEnv({ DATA_DIR: "  ", REDIS_URL: "", KV_REST_API_URL: "" }).store).toEqual({
      kind: "embedded",
      dataDir: ".data",
    });
  });

  it("uses REDIS_URL for redis", () => {
    expect(parseEnv({ REDIS_URL: "redis://localhost:6379" }).store).toEqual({
      kind: "redis",
      url: "redis://localhost:6379",
    });
    expect(() => parseEnv({ REDIS_URL: "http://localhost:6379" })).toThrow(/REDIS_URL/);
  });

  it("uses the KV pair for vercel-kv, before REDIS_URL", () => {
    expect(
      parseEnv({
        KV_REST_API_URL: "https://kv.example.com",
        KV_REST_API_TOKEN: "secret",
        REDIS_URL: "redis://localhost:6379",
      }).store,
    ).toEqual({ kind: "vercel-kv", url: "https://kv.example.com", token: "secret" });
  });

  it("names the missing half of the KV pair", () => {
    expect(() => parseEnv({ KV_REST_API_URL: "https://kv.example.com" })).toThrow(
      new EnvError("KV_REST_API_URL is set but KV_REST_API_TOKEN is missing: set both, or neither."),
    );
    expect(() => parseEnv({ KV_REST_API_TOKEN: "secret" })).toThrow(/KV_REST_API_URL is missing/);
  });

  it("on Vercel without KV, says to connect a KV store", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow(/connect a KV \(Upstash Redis\) store/);
    const connected = { VERCEL: "1", KV_REST_API_URL: "https://kv.example.com", KV_REST_API_TOKEN: "t" };
    expect(parseEnv(connected).store.kind).toBe("vercel-kv");
  });

  it("seats 2,000 players in a classroom session unless CLASSROOM_MAX_PLAYERS says otherwise, and names a bad value", () => {
    expect(parseEnv({}).classroomMaxPlayers).toBe(2_000);
    expect(parseEnv({ CLASSROOM_MAX_PLAYERS: "40" }).classroomMaxPlayers).toBe(40);
    expect(parseEnv({ CLASSROOM_MAX_PLAYERS: " " }).classroomMaxPlayers).toBe(2_000);
    expect(() => parseEnv({ CLASSROOM_MAX_PLAYERS: "lots" })).toThrow(/CLASSROOM_MAX_PLAYERS must be a whole number of players, from 2 to 10000/);
    expect(() => parseEnv({ CLASSROOM_MAX_PLAYERS: "1" })).toThrow(/CLASSROOM_MAX_PLAYERS must be at least 2/);
    expect(() => parseEnv({ CLASSROOM_MAX_PLAYERS: "20000" })).toThrow(/CLASSROOM_MAX_PLAYERS can be at most 10000/);
  });

  it("reads STORE_TIMEOUT_MS within bounds", () => {
    expect(parseEnv({ STORE_TIMEOUT_MS: "800" }).storeTimeoutMs).toBe(800);
    expect(() => parseEnv({ STORE_TIMEOUT_MS: "5" })).toThrow(/STORE_TIMEOUT_MS/);
  });
});

describe("describeStore", () => {
  it("never shows a token or a password", () => {
    const kv = describeStore({ kind: "vercel-kv", url: "https://eu1-kv.upstash.io", token: "tok-3f9a-secret" });
    const redis = describeStore({ kind: "redis", url: "redis://default:hunter2@cache.internal:6380/0" });
    expect(kv).toBe("vercel-kv (eu1-kv.upstash.io)");
    expect(redis).toBe("redis (cache.internal:6380)");
    expect(`${kv} ${redis}`).not.toMatch(/tok-3f9a|secret|hunter2|default:/);
    expect(describeStore({ kind: "embedded", dataDir: ".data" })).toBe("embedded (SQLite in .data)");
  });
});

describe("instrumentation register()", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  /** Runs register() as the Node.js server would, with `vars` set and process.exit and console[level] stubbed. */
  async function register(vars: Record<string, string>, level: "error" | "info") {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const log = vi.spyOn(console, level).mockImplementation(() => undefined);
    const instrumentation = await import("@/instrumentation");
    await instrumentation.register();
    return { exit, log };
  }

  it("stops the server with the message when the environment is half configured", async () => {
    const { exit, log } = await register({ KV_REST_API_URL: "https://kv.example.com", KV_REST_API_TOKEN: "" }, "error");
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.mock.calls.flat().join(" ")).toMatch(/KV_REST_API_TOKEN is missing/);
  });

  it("logs the store in use, without secrets", async () => {
    const { exit, log } = await register({ REDIS_URL: "redis://user:hunter2@cache.internal:6379" }, "info");
    expect(exit).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith("store configured: redis (cache.internal:6379)");
  });

  it("reads the client-key secret at start, so that no request pays that round trip", async () => {
    // Where lib/security/client-keys.ts keeps what it has read (shared by every module instance).
    const held = Symbol.for("trump-kim-explained.client-key-secret");
    const holder = globalThis as { [held]?: { stored?: unknown } };
    delete holder[held];
    await register({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "startup-")) }, "info");
    await vi.waitFor(() => expect(holder[held]?.stored).toBeDefined());
    const { getStore } = await import("@/lib/store");
    const { loadClientKeySecret } = await import("@/lib/security/client-keys");
    const counter = countingStore(await getStore());
    await loadClientKeySecret(counter.store);
    expect(counter.counts().roundTrips).toBe(0);
  });
});

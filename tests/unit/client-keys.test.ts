import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkBucket } from "@/lib/quiz/leaderboard";
import { loadClientKeySecret } from "@/lib/security/client-keys";
import { rateLimitWindow } from "@/lib/rate-limit";
import { appDeps } from "@/lib/service";
import { execNamed, op, type Store } from "@/lib/store";
import { openAppStore } from "../support/app-store";

/**
 * Keys that count clients are keyed hashes of their address, under a key
 * that rotates (issue 20, item 8): an unsalted SHA-256 of an IPv4 address
 * is reversed by hashing all 2^32 addresses.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
let store: Store;
beforeAll(async () => {
  app = await openAppStore("client-keys");
  store = app.store;
  // What every service does first: the secret is read from the store, or written there once.
  await appDeps();
});
afterAll(async () => app?.close());

const rule = { name: "t", limit: 10, windowSeconds: 600, message: () => "slow down" };
const address = "203.0.113.9";
const noon = Date.parse("2026-12-05T12:00:00Z");
const DAY_MS = 24 * 3600 * 1000;
const hmac = (key: Buffer | string, text: string) => createHmac("sha256", key).update(text).digest();

describe("keys that count clients", () => {
  it("are not a plain hash of the address, so hashing every IPv4 address does not find it", () => {
    const key = rateLimitWindow(rule, address, noon).current;
    for (const digest of ["base64url", "hex", "base64"] as const) {
      expect(key).not.toContain(createHash("sha256").update(address).digest(digest).slice(0, 16));
    }
  });

  it("are the HMAC under the day's key, derived from the secret kept in the store (so every instance agrees)", async () => {
    const read = await execNamed(store, { secret: op.get("secret:client-keys"), ttl: op.ttl("secret:client-keys") });
    expect(read.secret).toMatch(/^[\w-]{43}$/);
    // It expires (then a new one is written), within 30 days.
    expect(read.ttl).toBeGreaterThan(0);
    expect(read.ttl).toBeLessThanOrEqual(30 * 24 * 3600);
    const dayKey = hmac(Buffer.from(read.secret ?? "", "base64url"), "rate-limit:2026-12-05");
    expect(rateLimitWindow(rule, address, noon).current).toContain(hmac(dayKey, address).toString("base64url").slice(0, 22));
    const boardKey = hmac(Buffer.from(read.secret ?? "", "base64url"), "board:2026-12");
    expect(networkBucket("2026-12", address)).toBe(hmac(boardKey, address).toString("hex").slice(0, 4));
  });

  it("change with the day: the same address is another key tomorrow", () => {
    const today = rateLimitWindow(rule, address, noon).current.split(":")[2];
    expect(rateLimitWindow(rule, address, noon + 3600_000).current.split(":")[2]).toBe(today);
    expect(rateLimitWindow(rule, address, noon + DAY_MS).current.split(":")[2]).not.toBe(today);
  });

  it("change with the secret as soon as a new one is read (no key derived from the old one is kept)", async () => {
    const before = rateLimitWindow(rule, address, noon).current;
    await execNamed(store, { gone: op.del("secret:client-keys") });
    await loadClientKeySecret(store, Date.now() + 31 * DAY_MS);
    const read = await execNamed(store, { secret: op.get("secret:client-keys") });
    const dayKey = hmac(Buffer.from(read.secret ?? "", "base64url"), "rate-limit:2026-12-05");
    const after = rateLimitWindow(rule, address, noon).current;
    expect(after).not.toBe(before);
    expect(after).toContain(hmac(dayKey, address).toString("base64url").slice(0, 22));
  });
});

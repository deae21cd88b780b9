import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { rateLimits, rateLimitWindow } from "@/lib/rate-limit";

const perAttempt = { name: "a", limit: 120, windowSeconds: 600, message: (s: number) => `attempt: wait ${s}` };
const perClient = { name: "c", limit: 3000, windowSeconds: 600, message: (s: number) => `client: wait ${s}` };

describe("rate limits inside execIf", () => {
  const now = 600_000 * 10 + 150_000; // a quarter into a window
  const checks = rateLimits(
    [
      { rule: perAttempt, subject: "attempt-1" },
      { rule: perClient, subject: "203.0.113.9" },
    ],
    now,
  );

  it("describes each window as the store counts it, with the subject hashed and a TTL of two windows", () => {
    const window = rateLimitWindow(perAttempt, "attempt-1", now);
    expect(checks.guard[0]).toEqual({ key: window.current, previousKey: window.previous, limit: 120, overlap: 0.75, ttlSeconds: 1200 });
    expect(JSON.stringify(checks.guard)).not.toContain("203.0.113.9");
  });

  it("turns the refusing limit into its own 429, with Retry-After until the window rolls over", () => {
    let thrown: unknown;
    try {
      checks.throwIfRefused({ applied: false, refusedBy: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 429, code: "rate_limited", message: "client: wait 450", headers: { "Retry-After": "450" } });
  });

  it("lets applied writes and plain compare-and-set failures through", () => {
    expect(() => checks.throwIfRefused({ applied: true })).not.toThrow();
    expect(() => checks.throwIfRefused({ applied: false })).not.toThrow();
  });
});

describe("rate limits beside a read", () => {
  const now = 600_000 * 10 + 150_000;
  const checks = rateLimits(
    [
      { rule: perAttempt, subject: "attempt-1" },
      { rule: perClient, subject: "203.0.113.9" },
    ],
    now,
  );
  const counts = (attempt: number, client: number) => ({
    "0:a": { current: attempt, ttl: true, previous: null },
    "1:c": { current: client, ttl: true, previous: null },
  });

  it("names each check's ops, in the order the checks were given", () => {
    expect(Object.keys(checks.ops)).toEqual(["0:a", "1:c"]);
  });

  it("refuses with the first limit that is over", () => {
    expect(() => checks.throwIfOver(counts(120, 3000))).not.toThrow();
    expect(() => checks.throwIfOver(counts(121, 3001))).toThrow("attempt: wait 450");
    expect(() => checks.throwIfOver(counts(1, 3001))).toThrow("client: wait 450");
  });
});

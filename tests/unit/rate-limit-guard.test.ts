import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { guardLimits, rateLimitWindow } from "@/lib/rate-limit";

const perAttempt = { name: "a", limit: 120, windowSeconds: 600, message: (s: number) => `attempt: wait ${s}` };
const perClient = { name: "c", limit: 3000, windowSeconds: 600, message: (s: number) => `client: wait ${s}` };

describe("rate limits inside execIf", () => {
  const now = 600_000 * 10 + 150_000; // a quarter into a window
  const checks = guardLimits(
    [
      { rule: perAttempt, subject: "attempt-1" },
      { rule: perClient, subject: "203.0.113.9" },
    ],
    now,
  );

  it("describes each window as the store counts it, with the subject hashed and a TTL of two windows", () => {
    const window = rateLimitWindow(perAttempt, "attempt-1", now);
    expect(checks.limits[0]).toEqual({ key: window.current, previousKey: window.previous, limit: 120, overlap: 0.75, ttlSeconds: 1200 });
    expect(JSON.stringify(checks.limits)).not.toContain("203.0.113.9");
  });

  it("turns the refusing limit into its own 429, with Retry-After until the window rolls over", () => {
    let thrown: unknown;
    try {
      checks.throwIfRefused({ applied: false, current: "pending", refusedBy: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 429, code: "rate_limited", message: "client: wait 450", headers: { "Retry-After": "450" } });
  });

  it("lets applied writes and plain compare-and-set failures through", () => {
    expect(() => checks.throwIfRefused({ applied: true, results: [] })).not.toThrow();
    expect(() => checks.throwIfRefused({ applied: false, current: "taken" })).not.toThrow();
  });
});

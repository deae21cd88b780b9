import { describe, expect, it } from "vitest";
import { rateLimitOps } from "@/lib/rate-limit";

describe("the sliding window", () => {
  const rule = { name: "t", limit: 10, windowSeconds: 60, message: () => "slow down" };

  it("weights the previous window by how much of it still overlaps", () => {
    const now = 120_000 + 15_000; // a quarter into a window
    const check = rateLimitOps(rule, "client", now, { count: true });
    expect(check.verdict({ current: 4, previous: "8" })).toMatchObject({ allowed: true, estimate: 4 + 8 * 0.75, retryAfterSeconds: 45 });
    expect(check.verdict({ current: 5, previous: "8" }).allowed).toBe(false);
  });

  it("never stores the subject itself, and every counter expires", () => {
    const check = rateLimitOps(rule, "203.0.113.9", 0, { count: true });
    expect(JSON.stringify(check.ops)).not.toContain("203.0.113.9");
    expect(check.ops.ttl?.args[1]).toBe(120);
  });

  it("a read-only check refuses at the limit (the next failure would pass it)", () => {
    const check = rateLimitOps(rule, "client", 60_000, { count: false });
    expect(Object.values(check.ops).every((op) => op.name === "get")).toBe(true);
    expect(check.verdict({ current: "9", previous: null }).allowed).toBe(true);
    expect(check.verdict({ current: "10", previous: null }).allowed).toBe(false);
  });
});

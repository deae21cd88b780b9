import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBuckets, percentLabel, percentile } from "@/lib/quiz/percentile";

const buckets = (entries: Record<number, number>) => new Map(Object.entries(entries).map(([k, v]) => [Number(k), v]));

describe("percentile", () => {
  it("is the share of finished players with a strictly lower score", () => {
    // 10 players: 2 scored 3, 5 scored 5, 3 scored 8.
    const b = buckets({ 3: 2, 5: 5, 8: 3 });
    expect(percentile(b, 8)).toEqual({ share: 0.7, total: 10, below: 7 });
    expect(percentile(b, 5)).toEqual({ share: 0.2, total: 10, below: 2 });
    expect(percentile(b, 3)).toEqual({ share: 0, total: 10, below: 0 });
  });

  it("does not count ties as beaten", () => {
    const b = buckets({ 4: 6 });
    expect(percentile(b, 4)).toEqual({ share: 0, total: 6, below: 0 });
  });

  it("handles a single player (who is counted)", () => {
    expect(percentile(buckets({ 7: 1 }), 7)).toEqual({ share: 0, total: 1, below: 0 });
  });

  it("handles no players at all", () => {
    expect(percentile(new Map(), 5)).toEqual({ share: 0, total: 0, below: 0 });
  });

  it("labels in whole percent, rounded down so nobody sees 100% unless everyone else is below", () => {
    expect(percentLabel({ share: 0.996, total: 1000, below: 996 })).toBe(99);
    expect(percentLabel({ share: 0.7, total: 10, below: 7 })).toBe(70);
  });

  it("property: 0 ≤ share < 1, monotone in score, total is the sum", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 0, max: 20 }).map(String), fc.integer({ min: 1, max: 1_000_000 }).map(String)), (hash) => {
        const b = parseBuckets(hash);
        const sum = [...b.values()].reduce((a, c) => a + c, 0);
        let previous = -1;
        for (let score = 0; score <= 21; score += 1) {
          const p = percentile(b, score);
          expect(p.total).toBe(sum);
          expect(p.share).toBeGreaterThanOrEqual(0);
          if (b.has(score)) expect(p.share).toBeLessThan(1); // a finished player is never above themselves
          expect(p.share).toBeGreaterThanOrEqual(previous);
          previous = p.share;
        }
      }),
    );
  });
});

describe("parseBuckets", () => {
  it("reads a stored hash and ignores junk", () => {
    expect(parseBuckets({ "0": "4", "10": "2", x: "1", "3": "abc", "-1": "5", "2.5": "1", "4": "0" })).toEqual(
      buckets({ 0: 4, 10: 2 }),
    );
  });
});

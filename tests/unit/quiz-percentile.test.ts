import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBuckets, percentLabel, percentile, standingSentence } from "@/lib/quiz/percentile";

const buckets = (entries: Record<number, number>) => new Map(Object.entries(entries).map(([k, v]) => [Number(k), v]));

describe("percentile", () => {
  it("is the share of finished players with a strictly lower score", () => {
    // 10 players: 2 scored 3, 5 scored 5, 3 scored 8.
    const b = buckets({ 3: 2, 5: 5, 8: 3 });
    expect(percentile(b, 8)).toEqual({ share: 0.7, total: 10, below: 7, above: 0 });
    expect(percentile(b, 5)).toEqual({ share: 0.2, total: 10, below: 2, above: 3 });
    expect(percentile(b, 3)).toEqual({ share: 0, total: 10, below: 0, above: 8 });
  });

  it("does not count ties as beaten", () => {
    const b = buckets({ 4: 6 });
    expect(percentile(b, 4)).toEqual({ share: 0, total: 6, below: 0, above: 0 });
  });

  it("handles a single player (who is counted)", () => {
    expect(percentile(buckets({ 7: 1 }), 7)).toEqual({ share: 0, total: 1, below: 0, above: 0 });
  });

  it("handles no players at all", () => {
    expect(percentile(new Map(), 5)).toEqual({ share: 0, total: 0, below: 0, above: 0 });
  });

  it("labels in whole percent, rounded down so nobody sees 100% unless everyone else is below", () => {
    expect(percentLabel({ share: 0.996, total: 1000, below: 996, above: 0 })).toBe(99);
    expect(percentLabel({ share: 0.7, total: 10, below: 7, above: 0 })).toBe(70);
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

describe("standingSentence", () => {
  // The player has 5; `others` are everyone else's scores.
  const standing = (others: Record<number, number>) => standingSentence(percentile(buckets({ ...others, 5: (others[5] ?? 0) + 1 }), 5), 10);

  it("names the first player to finish", () => {
    expect(standing({})).toBe("You are the first person to finish a 10-question quiz.");
  });

  it("words a tie with everyone as the same, never as higher than 0%", () => {
    expect(standing({ 5: 1 })).toBe("You scored the same as everyone so far: the one other person who finished a 10-question quiz.");
    expect(standing({ 5: 1200 })).toBe("You scored the same as everyone so far: the 1,200 other people who finished a 10-question quiz.");
  });

  it("says top, alone or shared", () => {
    expect(standing({ 3: 4 })).toBe("You have the top score so far: higher than the 4 other people who finished a 10-question quiz.");
    expect(standing({ 3: 4, 5: 2 })).toBe("You share the top score so far with 2 of the 6 other people who finished a 10-question quiz.");
  });

  it("says bottom plainly, and a shared bottom as well as or better than", () => {
    expect(standing({ 8: 1 })).toBe("The one other person who finished a 10-question quiz scored higher so far.");
    expect(standing({ 8: 3 })).toBe("The 3 other people who finished a 10-question quiz scored higher so far.");
    expect(standing({ 5: 1, 8: 3 })).toBe("You scored as well as or better than 25% of the 4 other people who finished a 10-question quiz.");
  });

  it("counts ties in the middle as well as or better than, and plain wins as higher than", () => {
    expect(standing({ 3: 1, 5: 1, 8: 2 })).toBe("You scored as well as or better than 50% of the 4 other people who finished a 10-question quiz.");
    expect(standing({ 3: 3, 8: 1 })).toBe("You scored higher than 75% of the 4 other people who finished a 10-question quiz.");
  });

  it("never rounds to 0% or 100% when neither is true", () => {
    expect(standing({ 3: 1, 8: 999 })).toBe("You scored higher than 1% of the 1,000 other people who finished a 10-question quiz.");
    expect(standing({ 3: 999, 8: 1 })).toBe("You scored higher than 99% of the 1,000 other people who finished a 10-question quiz.");
  });
});

describe("parseBuckets", () => {
  it("reads a stored hash and ignores junk", () => {
    expect(parseBuckets({ "0": "4", "10": "2", x: "1", "3": "abc", "-1": "5", "2.5": "1", "4": "0" })).toEqual(
      buckets({ 0: 4, 10: 2 }),
    );
  });
});

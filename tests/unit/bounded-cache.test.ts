import { describe, expect, it } from "vitest";
import { boundedCache } from "@/lib/bounded-cache";

describe("the bounded in-process cache (drawn share images)", () => {
  it("computes a key once, shares it between simultaneous requests, and keeps only the most recently used", async () => {
    const cache = boundedCache<string>(2);
    let computed = 0;
    const compute = (value: string) => () => {
      computed += 1;
      return Promise.resolve(value);
    };
    expect(await Promise.all([cache.get("a", compute("A")), cache.get("a", compute("A"))])).toEqual(["A", "A"]);
    expect(computed).toBe(1);
    await cache.get("b", compute("B"));
    await cache.get("a", compute("A")); // a is now the most recently used
    await cache.get("c", compute("C")); // evicts b
    expect(cache.size).toBe(2);
    await cache.get("a", compute("A"));
    expect(computed).toBe(3);
    await cache.get("b", compute("B"));
    expect(computed).toBe(4);
  });

  it("forgets a failed computation, so the next request tries again", async () => {
    const cache = boundedCache<string>(2);
    await expect(cache.get("a", () => Promise.reject(new Error("draw failed")))).rejects.toThrow("draw failed");
    expect(await cache.get("a", () => Promise.resolve("A"))).toBe("A");
  });
});

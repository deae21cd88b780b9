import { describe, expect, it } from "vitest";
import { reusedLive } from "@/lib/classroom/live-reuse";
import type { LiveShared } from "@/lib/classroom/views";

const state = (version: number) => ({ sessionId: "s", version }) as LiveShared;

describe("the shared state's reuse within one instance", () => {
  it("reads once per session and quarter second, however many ask", async () => {
    let reads = 0;
    const read = async () => state(++reads);
    const t = 1_000_000_000;
    const asked = await Promise.all(Array.from({ length: 50 }, (_, i) => reusedLive("class-a", read, t + (i % 5) * 40)));
    expect(new Set(asked.map((shared) => shared.version))).toEqual(new Set([1]));
    expect((await reusedLive("class-a", read, t + 250)).version).toBe(2);
    expect((await reusedLive("class-b", read, t + 250)).version).toBe(3);
  });

  it("forgets a failed read, so the next request tries again", async () => {
    const t = 2_000_000_000;
    await expect(reusedLive("class-c", () => Promise.reject(new Error("store down")), t)).rejects.toThrow("store down");
    await expect(reusedLive("class-c", async () => state(7), t)).resolves.toMatchObject({ version: 7 });
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OUTAGE_METADATA, storeMetadata, storePage } from "@/components/site/store-outage";
import { OUTAGE_COPY } from "@/lib/http/outage-copy";
import { needsStore, storeOutageResponse } from "@/lib/http/store-gate";
import { op, StoreUnavailableError, type Store } from "@/lib/store";
import {
  FRESH_MS,
  noteStoreAnswered,
  noteStoreUnreachable,
  PROBE_DEADLINE_MS,
  resetStoreAvailability,
  storeAvailability,
} from "@/lib/store/availability";
import { guardStore } from "@/lib/store/guard";

afterEach(() => {
  resetStoreAvailability();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const unreachable = () => Promise.reject(new StoreUnavailableError("down", { retryAfterSeconds: 7 }));

describe("what the proxy knows of the store", () => {
  it("takes the last call's word while it is fresh, and pings once it is not", async () => {
    let now = 1_000_000;
    const ping = vi.fn(() => Promise.resolve());
    noteStoreUnreachable(7, now);
    expect(await storeAvailability(ping, () => now + FRESH_MS - 1)).toEqual({ up: false, retryAfterSeconds: 7 });
    expect(ping).not.toHaveBeenCalled();
    now += FRESH_MS;
    expect(await storeAvailability(ping, () => now)).toEqual({ up: true });
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it("sends one ping for any number of pages asking at once", async () => {
    let answer: () => void = () => undefined;
    const ping = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const asked = Array.from({ length: 20 }, () => storeAvailability(ping));
    answer();
    expect(await Promise.all(asked)).toEqual(Array.from({ length: 20 }, () => ({ up: true })));
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it("a failed ping is an outage, with the store's Retry-After; any other failure too, with 5 s", async () => {
    expect(await storeAvailability(unreachable)).toEqual({ up: false, retryAfterSeconds: 7 });
    resetStoreAvailability();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await storeAvailability(() => Promise.reject(new Error("misconfigured")))).toEqual({ up: false, retryAfterSeconds: 5 });
  });

  it("a ping that hangs is an outage after PROBE_DEADLINE_MS", async () => {
    vi.useFakeTimers();
    const asked = storeAvailability(() => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(PROBE_DEADLINE_MS);
    expect(await asked).toMatchObject({ up: false });
  });

  it("every guarded call reports: an outage marks the store down, any answer (even a refusal) marks it up", async () => {
    let failing = true;
    const inner = {
      kind: "redis",
      exec: () => (failing ? Promise.reject(new Error("ECONNREFUSED")) : Promise.resolve([])),
    } as unknown as Store;
    const store = guardStore(inner, { timeoutMs: 1_000, isUnavailable: (error) => error instanceof Error && error.message === "ECONNREFUSED" });
    const never = () => Promise.reject(new Error("not asked"));
    await expect(store.exec([op.get("k")])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await storeAvailability(never)).toMatchObject({ up: false });
    failing = false;
    await store.exec([op.get("k")]);
    expect(await storeAvailability(never)).toEqual({ up: true });
  });

  it("recognises the store's outage error from another copy of its module (the proxy, each route and page are bundled apart)", async () => {
    vi.resetModules();
    const other = await import("@/lib/store/errors");
    expect(other.StoreUnavailableError).not.toBe(StoreUnavailableError);
    expect(new other.StoreUnavailableError("down")).toBeInstanceOf(StoreUnavailableError);
    expect(new Error("down")).not.toBeInstanceOf(StoreUnavailableError);
  });
});

describe("the outage gate", () => {
  it("covers the pages that read the store, and only those", () => {
    for (const path of ["/quiz", "/quiz/play/x", "/quiz/results/x", "/quiz/results/x/practice", "/quiz/leaderboard", "/quiz/share/x", "/classroom/join", "/classroom/play/x", "/classroom/host/x", "/classroom/host/x/dashboard", "/classroom/host/x/follow-up"]) {
      expect(needsStore(path), path).toBe(true);
    }
    for (const path of ["/", "/timeline", "/explainers/renewed-talks", "/people", "/glossary", "/sources", "/about", "/classroom", "/quizzes", "/api/health", "/unavailable"]) {
      expect(needsStore(path), path).toBe(false);
    }
  });

  it("answers a store page with 503, Retry-After, no-store, a policy and the message while the store is down", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    noteStoreUnreachable(7);
    const response = await storeOutageResponse("/quiz/leaderboard");
    expect(response?.status).toBe(503);
    expect(response?.headers.get("retry-after")).toBe("7");
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(response?.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response?.text()).toContain(OUTAGE_COPY.title);
    expect(await storeOutageResponse("/timeline")).toBeUndefined();
    noteStoreAnswered();
    expect(await storeOutageResponse("/quiz/leaderboard")).toBeUndefined();
  });

  it("a page that meets the outage after the gate shows the message instead of failing", async () => {
    const page = storePage(() => Promise.reject(new StoreUnavailableError("down")));
    expect(renderToStaticMarkup(await page({}))).toContain(OUTAGE_COPY.title);
    expect(await storeMetadata(() => Promise.reject(new StoreUnavailableError("down")))({})).toBe(OUTAGE_METADATA);
    const broken = storePage(() => Promise.reject(new Error("a bug")));
    await expect(broken({})).rejects.toThrow("a bug");
  });
});

import { describe, expect, it } from "vitest";
import { POST as fill } from "@/app/api/bench/fill/route";
import { POST as noop } from "@/app/api/bench/noop/route";
import { POST as receive } from "@/app/api/bench/receive/[attemptId]/route";
import { GET as storeCounts } from "@/app/api/bench/store-counts/route";
import { callRoute } from "../support/route-harness";

// The test environment leaves BENCH_ROUTES unset, as a deployment does.
const json = (path: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ count: 1, seed: 1, records: false }),
  });

describe("the benchmark's routes on a site that is not being benchmarked", () => {
  it.each([
    ["no-op", () => callRoute("/api/bench/noop", noop, json("/api/bench/noop"), {})],
    ["receive", () => callRoute("/api/bench/receive/[attemptId]", receive, json("/api/bench/receive/a1"), { attemptId: "a1" })],
    ["fill", () => callRoute("/api/bench/fill", fill, json("/api/bench/fill"), {})],
    ["store counts", () => callRoute("/api/bench/store-counts", storeCounts, new Request("http://localhost/api/bench/store-counts"), {})],
  ])("%s answers 404, as a path that does not exist", async (_name, call) => {
    const response = await call();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "not_found" }) });
  });
});

import { describe, expect, it } from "vitest";
import type { ApiFigures, RouteFigures } from "../../bench/lib/api";
import type { LighthouseResult } from "../../bench/lib/lighthouse";
import { FLOOR_CONTROL, report, type BenchResults } from "../../bench/lib/report";

/**
 * The benchmark's restated budgets (issue 22): Lighthouse performance at
 * least 95 on every page and no more than 3 points under the floor page
 * audited again in the same run; the answer route at least 95% of the
 * route that only receives the same requests.
 */

function audit(performance: number): LighthouseResult {
  const scores = { performance, accessibility: 100, "best-practices": 100, seo: 100 };
  return { scores, runs: [scores], failing: [], metrics: {}, errors: [], warnings: [], skipped: [] };
}

const route = (requestsPerSecond: number): RouteFigures => ({ requestsPerSecond, p50Ms: 10, p99Ms: 20, requests: 1_000, failures: 0 });

function api(answer: number, receive: number): ApiFigures {
  return {
    answer: route(answer),
    noop: route(1_000),
    receive: route(receive),
    noopControl: route(1_000),
    shareOfNoop: answer / 1_000,
    shareOfReceive: answer / receive,
    receiveShareOfNoop: receive / 1_000,
    controlShareOfNoop: 1,
    rounds: [{ answer, noop: 1_000, receive, noopControl: 1_000 }],
    connections: 10,
  };
}

function results(lighthouse: Record<string, LighthouseResult>, figures?: ApiFigures): BenchResults {
  return {
    pageWeight: {},
    lighthouse,
    stores: figures ? { embedded: { api: figures } } : {},
    pending: [],
    pages: [{ name: "home", label: "Home", budget: null }],
  };
}

const statusOf = (bench: BenchResults, section: string) => report(bench).checks.find((check) => check.section === section)?.status;

describe("the restated budgets", () => {
  it("hold every page to 95 and to 3 points under the control, whichever is higher", () => {
    expect(statusOf(results({ floor: audit(100), [FLOOR_CONTROL]: audit(97), home: audit(95) }), "Lighthouse")).toBe("pass");
    expect(statusOf(results({ floor: audit(100), [FLOOR_CONTROL]: audit(100), home: audit(96) }), "Lighthouse")).toBe("fail");
    expect(statusOf(results({ floor: audit(100), [FLOOR_CONTROL]: audit(90), home: audit(94) }), "Lighthouse")).toBe("fail");
    expect(statusOf(results({ floor: audit(96), home: audit(95) }), "Lighthouse")).toBe("pass");
  });

  it("hold the answer route to 95% of the receive-only route, whatever its share of the no-op", () => {
    expect(statusOf(results({}, api(800, 840)), "API (embedded)")).toBe("pass");
    expect(statusOf(results({}, api(800, 900)), "API (embedded)")).toBe("fail");
  });
});

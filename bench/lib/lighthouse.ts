import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser";
import { median as medianOf } from "./figures";

/**
 * Lighthouse with its defaults for mobile (Moto G Power screen, simulated
 * slow 4G and 4× CPU slowdown), in the same Chromium as the page weights.
 * Each page is audited RUNS times, every category's score being the median.
 * The runs go round the pages (all pages once, then again…), so a burst of
 * load from elsewhere on the machine hits every page alike, floor included.
 */

const RUNS = 3;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

export type Scores = Record<(typeof CATEGORIES)[number], number | null>;

export interface LighthouseResult {
  scores: Scores;
  runs: Scores[];
  /** Lighthouse's measure of this machine's CPU before each run (its "CPU/Memory Power"). */
  benchmarkIndex: number[];
  failing: string[];
  metrics: Record<string, number | null>;
  errors: string[];
  warnings: string[];
  skipped: string[];
}

export interface AuditedPage {
  name: string;
  url: string;
  indexable: boolean;
  cookie?: string;
}

const median = (values: number[]) => (values.length === 0 ? null : medianOf(values));

/**
 * Requests to anywhere but the page's own origin: this machine has no network, and the
 * measurement must not depend on one.
 */
function externalRequests(lhr: Result): string[] {
  const origin = new URL(lhr.requestedUrl ?? lhr.finalDisplayedUrl).origin;
  const details = lhr.audits["network-requests"]?.details as { items?: { url?: string }[] } | undefined;
  return (details?.items ?? [])
    .map((item) => item.url ?? "")
    .filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
}

/** Audits that cost points outside performance, with what they found (e.g. the console error). */
function failingAudits(lhr: Result): string[] {
  return CATEGORIES.filter((id) => id !== "performance").flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const details = lhr.audits[ref.id]?.details as { items?: Record<string, unknown>[] } | undefined;
        const found = (details?.items ?? []).slice(0, 3).map((item) => String(item.description ?? item.url ?? item.source ?? "").slice(0, 160));
        return `${id}: ${ref.id}${found.length > 0 ? ` (${found.join("; ")})` : ""}`;
      }),
  );
}

function scoresOf(lhr: Result): Scores {
  return Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, typeof score === "number" ? Math.round(score * 100) : null];
    }),
  ) as Scores;
}

async function audit(port: number, page: AuditedPage): Promise<{ lhr: Result | undefined; skipAudits: string[] }> {
  // A page kept out of search engines on purpose (personal pages) fails "is-crawlable" by design.
  const skipAudits = page.indexable ? [] : ["is-crawlable"];
  const result = await lighthouse(
    page.url,
    { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
    {
      extends: "lighthouse:default",
      settings: {
        formFactor: "mobile",
        throttlingMethod: "simulate",
        skipAudits,
        disableFullPageScreenshot: true,
        ...(page.cookie ? { extraHeaders: { cookie: page.cookie } } : {}),
      },
    },
  );
  return { lhr: result?.lhr, skipAudits };
}

/**
 * An audit whose trace Lighthouse failed to record (NO_NAVSTART and the like: its
 * message asks to run it again) is run once more; the first failure is noted.
 */
async function auditAgainOnRuntimeError(port: number, page: AuditedPage, errors: string[], run: number) {
  const first = await audit(port, page);
  const error = first.lhr?.runtimeError;
  if (!error) return first;
  errors.push(`run ${run}: ${error.code}, audited again`);
  return audit(port, page);
}

export async function runLighthouse(pages: AuditedPage[], log: (message: string) => void): Promise<Record<string, LighthouseResult>> {
  const results: Record<string, LighthouseResult> = Object.fromEntries(
    pages.map((page) => [
      page.name,
      { scores: { performance: null, accessibility: null, "best-practices": null, seo: null }, runs: [], benchmarkIndex: [], failing: [], metrics: {}, errors: [], warnings: [], skipped: [] },
    ]),
  );
  const metricRuns: Record<string, Record<string, number | null>[]> = Object.fromEntries(pages.map((page) => [page.name, []]));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      log(`lighthouse: run ${run}/${RUNS} over ${pages.length} pages`);
      for (const page of pages) {
        const result = results[page.name] as LighthouseResult;
        const { lhr, skipAudits } = await auditAgainOnRuntimeError(chrome.port, page, result.errors, run).catch((error: unknown) => {
          result.errors.push(`run ${run}: ${error instanceof Error ? error.message : String(error)}`);
          return { lhr: undefined, skipAudits: [] as string[] };
        });
        result.skipped = skipAudits;
        if (!lhr) continue;
        if (lhr.runtimeError) result.errors.push(`run ${run}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        result.warnings.push(...lhr.runWarnings.map((warning) => `run ${run}: ${String(warning)}`));
        const external = externalRequests(lhr);
        if (external.length > 0) result.errors.push(`run ${run}: requests outside the site: ${external.join(", ")}`);
        result.runs.push(scoresOf(lhr));
        result.benchmarkIndex.push(lhr.environment.benchmarkIndex);
        metricRuns[page.name]?.push(Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null])));
        result.failing = [...new Set([...result.failing, ...failingAudits(lhr).map((found) => `run ${run}: ${found}`)])];
      }
    }
  } finally {
    chrome.kill();
  }
  for (const page of pages) {
    const result = results[page.name] as LighthouseResult;
    for (const id of CATEGORIES) {
      const values = result.runs.map((run) => run[id]).filter((value) => value !== null);
      // A category missing from any run has no median of three: it is reported as a failure, not guessed.
      result.scores[id] = values.length === RUNS ? median(values) : null;
    }
    result.metrics = Object.fromEntries(
      METRICS.map((id) => [id, median((metricRuns[page.name] ?? []).map((run) => run[id]).filter((value) => typeof value === "number"))]),
    );
  }
  return results;
}

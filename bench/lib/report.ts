import type { ApiFigures, RouteFigures } from "./api";
import type { ClassroomFigures } from "./classroom";
import type { GrowthLevel, Timing } from "./growth";
import type { LighthouseResult } from "./lighthouse";
import type { PageWeight } from "./page-weight";
import type { RequestCost } from "./store-cost";

/**
 * Budgets and the Markdown report. Every budget is relative to a baseline
 * measured in the same run (the floor page, the no-op route, the smaller
 * store) or an absolute limit from the issue; none compares with numbers
 * from another run.
 */

const KB = 1_000;
const BUDGETS = {
  /** Compressed JS above the floor page. */
  jsAboveFloor: { content: 5 * KB, quiz: 40 * KB },
  /** Lighthouse performance: at least this on every page… */
  performance: 95,
  /** …and no more than this many points under the floor page audited again in the same run (the control). */
  performanceUnderControl: 3,
  lighthouseOther: 100,
  /** The answer route's throughput over the receive-only route's: what answering costs beyond receiving the request. */
  apiShareOfReceive: 0.95,
  roundTripsPerRequest: 1,
  growthRatio: 3,
  classroomP99Ms: 2_000,
};

/** The floor page audited a second time in the same runs: how far two audits of one page differ. */
export const FLOOR_CONTROL = "floorControl";
const CONTROL = "Control";

export type Status = "pass" | "fail" | "pending" | "info";

export interface Check {
  section: string;
  figure: string;
  measured: string;
  budget: string;
  status: Status;
}

export interface PageSpec {
  name: string;
  label: string;
  budget: "content" | "quiz" | null;
}

export interface StoreResults {
  storeCost?: Record<string, RequestCost>;
  api?: ApiFigures;
  growth?: GrowthLevel[];
  classroom?: ClassroomFigures;
}

export interface BenchResults {
  pageWeight: Record<string, PageWeight>;
  lighthouse: Record<string, LighthouseResult>;
  stores: Record<string, StoreResults>;
  pending: string[];
  pages: PageSpec[];
}

const MARK: Record<Status, string> = { pass: "✅", fail: "❌ missed", pending: "⏳ pending", info: "—" };
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const roundShares = (api: ApiFigures, route: "answer" | "noopControl") =>
  `rounds ${api.rounds.map((round) => percent(round[route] / round.noop)).join(", ")}`;
const verdict = (ok: boolean): Status => (ok ? "pass" : "fail");

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function pageWeightSection(weights: Record<string, PageWeight>, pages: PageSpec[], checks: Check[]): string {
  const floor = weights.floor;
  if (!floor) return "";
  const rows = [["Floor (empty App Router page)", kb(floor.js), "—", kb(floor.jsPrefetched), kb(floor.css), kb(floor.html), kb(floor.other), "—", ""]];
  for (const page of pages) {
    const weight = weights[page.name];
    if (!weight) continue;
    const above = weight.js - floor.js;
    const limit = page.budget ? BUDGETS.jsAboveFloor[page.budget] : null;
    const status = limit === null ? "info" : verdict(above <= limit);
    checks.push({ section: "Page weight", figure: `${page.label}: JS above floor`, measured: kb(above), budget: limit === null ? "—" : `≤ ${kb(limit)}`, status });
    rows.push([page.label, kb(weight.js), kb(above), kb(weight.jsPrefetched), kb(weight.css), kb(weight.html), kb(weight.other), limit === null ? "—" : `≤ ${kb(limit)}`, MARK[status]]);
  }
  return table(["Page", "JS", "JS above floor", "JS prefetched for links", "CSS", "HTML", "Other (RSC, images…)", "Budget (JS above floor)", ""], rows);
}

function lighthouseSection(results: Record<string, LighthouseResult>, pages: PageSpec[], checks: Check[]): string {
  const show = (score: number | null) => (score === null ? "failed" : String(score));
  /** The median with the spread of the runs, which on a busy machine is wide. */
  const performanceOf = (result: LighthouseResult) => {
    const runs = result.runs.map((run) => run.performance).filter((score) => score !== null);
    return runs.length === 0 ? show(null) : `${show(result.scores.performance)} (${Math.min(...runs)}–${Math.max(...runs)})`;
  };
  const baselineRow = (label: string, result: LighthouseResult | undefined, note: string) =>
    result ? [[label, performanceOf(result), show(result.scores.accessibility), show(result.scores["best-practices"]), show(result.scores.seo), "—", note]] : [];
  const control = results[FLOOR_CONTROL]?.scores.performance ?? null;
  // Without a control score the page is held to the absolute floor only; the control's absence shows in the table.
  const least = Math.max(BUDGETS.performance, control === null ? 0 : control - BUDGETS.performanceUnderControl);
  const leastText = control === null ? `≥ ${BUDGETS.performance}` : `≥ ${BUDGETS.performance} and ≥ ${control} − ${BUDGETS.performanceUnderControl}`;
  const controlNote = control === null ? "" : `the control: pages may be ${BUDGETS.performanceUnderControl} under it`;
  if (control !== null) {
    checks.push({ section: CONTROL, figure: "the floor page audited again: performance", measured: String(control), budget: `≥ ${BUDGETS.performance}`, status: "info" });
  }
  const rows = [
    ...baselineRow("Floor", results.floor, ""),
    ...baselineRow("Control: the floor page again, last in each round", results[FLOOR_CONTROL], controlNote),
  ];
  for (const page of pages) {
    const result = results[page.name];
    if (!result) continue;
    const { performance, accessibility, seo } = result.scores;
    const practices = result.scores["best-practices"];
    const others = [accessibility, practices, seo];
    const ok = performance !== null && performance >= least && others.every((score) => score === BUDGETS.lighthouseOther);
    checks.push({
      section: "Lighthouse",
      figure: `${page.label}: performance / a11y / best practices / SEO`,
      measured: [performance, accessibility, practices, seo].map(show).join(" / "),
      budget: `${leastText} / 100 / 100 / 100`,
      status: verdict(ok),
    });
    const seoNote = result.skipped.length > 0 ? ` (${result.skipped.join(", ")} n/a)` : "";
    rows.push([page.label, performanceOf(result), show(accessibility), show(practices), show(seo) + seoNote, `${leastText}, 100, 100, 100`, MARK[verdict(ok)]]);
  }
  return table(["Page", "Performance (runs)", "Accessibility", "Best practices", "SEO", "Budget", ""], rows);
}

function apiSection(store: string, api: ApiFigures, checks: Check[]): string {
  const share = api.shareOfReceive;
  const budgeted = store === "embedded";
  const valid = api.answer.failures === 0 && api.receive.failures === 0;
  const status = !budgeted ? "info" : verdict(valid && share >= BUDGETS.apiShareOfReceive);
  if (budgeted) {
    checks.push({ section: CONTROL, figure: "the no-op route again: throughput / no-op route", measured: percent(api.controlShareOfNoop), budget: "100% give or take the machine's spread", status: "info" });
  }
  checks.push({
    section: `API (${store})`,
    figure: "answer route throughput / receive-only route",
    measured: `${percent(share)}${valid ? "" : ` (${api.answer.failures + api.receive.failures} failed requests)`}`,
    budget: budgeted ? `≥ ${percent(BUDGETS.apiShareOfReceive)}` : "—",
    status,
  });
  const row = (name: string, figures: RouteFigures, budget: string, mark: string) => [
    name,
    figures.requestsPerSecond.toFixed(0),
    ms(figures.p50Ms),
    ms(figures.p99Ms),
    String(figures.failures),
    budget,
    mark,
  ];
  return table(
    ["Route (" + api.connections + " connections)", "Requests/s", "p50", "p99", "Failed", "Budget", ""],
    [
      row("No-op route handler", api.noop, "—", ""),
      row(`Receive only: the answers' paths and bodies, read and ignored (${percent(api.receiveShareOfNoop)} of no-op)`, api.receive, "—", ""),
      row(`Answer (${percent(share)} of receive-only, ${percent(api.shareOfNoop)} of no-op; ${roundShares(api, "answer")})`, api.answer, budgeted ? `≥ ${percent(BUDGETS.apiShareOfReceive)} of receive-only` : "—", MARK[status]),
      row(`Control: the same no-op again, last in each round (${percent(api.controlShareOfNoop)} of no-op; ${roundShares(api, "noopControl")})`, api.noopControl, "—", ""),
    ],
  );
}

const COST_LABELS: Record<string, { label: string; budgeted: boolean }> = {
  start: { label: "Quiz start", budgeted: true },
  answer: { label: "Answer", budgeted: true },
  pollChanged: { label: "Classroom poll (state changed)", budgeted: true },
  pollUnchanged: { label: "Classroom poll (unchanged)", budgeted: true },
  questionPage: { label: "Question page", budgeted: false },
  resultsFirstView: { label: "Results page, first view (finish + percentile)", budgeted: false },
};

function storeCostSection(store: string, costs: Record<string, RequestCost>, checks: Check[]): string {
  const rows = Object.entries(COST_LABELS).flatMap(([name, { label, budgeted }]) => {
    const cost = costs[name];
    if (!cost) return [];
    const status = budgeted ? verdict(cost.roundTrips.max <= BUDGETS.roundTripsPerRequest) : "info";
    if (budgeted) {
      checks.push({ section: `Store cost (${store})`, figure: `${label}: round trips`, measured: String(cost.roundTrips.max), budget: `≤ ${BUDGETS.roundTripsPerRequest}`, status });
    }
    return [[label, String(cost.roundTrips.max), `${cost.commands.max} (mean ${cost.commands.mean.toFixed(1)})`, String(cost.samples), budgeted ? `≤ ${BUDGETS.roundTripsPerRequest} round trip` : "—", MARK[status]]];
  });
  return table(["Request", "Round trips (max)", "Commands (max)", "Samples", "Budget", ""], rows);
}

function growthSection(store: string, levels: GrowthLevel[], checks: Check[]): string {
  const [small, large] = levels;
  if (!small || !large) return "";
  const rows = (
    [
      ["answer", "Record an answer"],
      ["results", "Results page (finish + percentile)"],
    ] as const
  ).flatMap(([key, label]) => {
    const ratio = large[key].p50Ms / small[key].p50Ms;
    const status = verdict(ratio <= BUDGETS.growthRatio);
    checks.push({ section: `Growth (${store})`, figure: `${label}: p50 at ${large.finishedAttempts.toLocaleString("en")} / at ${small.finishedAttempts.toLocaleString("en")}`, measured: `${ratio.toFixed(2)}×`, budget: `≤ ${BUDGETS.growthRatio}×`, status });
    const cell = (t: Timing) => `${ms(t.p50Ms)} (p90 ${ms(t.p90Ms)}, store ${t.storeMsPerRequest.toFixed(2)} ms)`;
    return [[label, cell(small[key]), cell(large[key]), `${ratio.toFixed(2)}×`, `≤ ${BUDGETS.growthRatio}×`, MARK[status]]];
  });
  const header = levels.map((level) => `${level.finishedAttempts.toLocaleString("en")} finished: p50`);
  return table(["Request", ...header, "Ratio", "Budget", ""], rows);
}

function classroomSection(store: string, figures: ClassroomFigures, checks: Check[]): string {
  const ok = figures.missed === 0 && figures.delayP99Ms < BUDGETS.classroomP99Ms;
  checks.push({
    section: `Classroom (${store})`,
    figure: `${figures.students} students: p99 delay from "next question" to every phone`,
    measured: ms(figures.delayP99Ms) + (figures.missed > 0 ? ` (${figures.missed} never saw it)` : ""),
    budget: `< ${ms(BUDGETS.classroomP99Ms)}`,
    status: verdict(ok),
  });
  return table(
    ["Students", "Delay p50", "Delay p99", "Delay max", "Missed", "Polls/s handled", "Poll p50 / p99", "Budget", ""],
    [[String(figures.students), ms(figures.delayP50Ms), ms(figures.delayP99Ms), ms(figures.delayMaxMs), String(figures.missed), figures.pollsPerSecond.toFixed(0), `${ms(figures.pollP50Ms)} / ${ms(figures.pollP99Ms)}`, `p99 < ${ms(BUDGETS.classroomP99Ms)}`, MARK[verdict(ok)]]],
  );
}

export function report(results: BenchResults): { checks: Check[]; markdown: string } {
  const checks: Check[] = [];
  const parts = [
    "### Page weight (compressed bytes, cold cache, Chromium)",
    pageWeightSection(results.pageWeight, results.pages, checks),
    "### Lighthouse (mobile, simulated throttling, median of 3 runs)",
    lighthouseSection(results.lighthouse, results.pages, checks),
  ];
  for (const [store, figures] of Object.entries(results.stores)) {
    if (figures.api) parts.push(`### API (${store} store)`, apiSection(store, figures.api, checks));
    if (figures.storeCost) parts.push(`### Store cost per request (${store} store)`, storeCostSection(store, figures.storeCost, checks));
    if (figures.growth) parts.push(`### Growth (${store} store)`, growthSection(store, figures.growth, checks));
    if (figures.classroom) parts.push(`### Classroom, live session (${store} store)`, classroomSection(store, figures.classroom, checks));
  }
  const notes = Object.entries(results.lighthouse).flatMap(([page, result]) =>
    [...result.errors, ...result.failing].map((line) => `- Lighthouse, ${page}: ${line}`),
  );
  const uncompressed = Object.entries(results.pageWeight).flatMap(([page, weight]) =>
    weight.uncompressed.map((url) => `- ${page}: ${url} was sent uncompressed`),
  );
  if (notes.length + uncompressed.length > 0) parts.push("### Notes", [...notes, ...uncompressed].join("\n"));
  for (const gap of results.pending) checks.push({ section: "Pending", figure: gap, measured: "—", budget: "—", status: "pending" });
  const missed = checks.filter((check) => check.status === "fail");
  const pending = checks.filter((check) => check.status === "pending");
  const controls = checks.filter((check) => check.section === CONTROL);
  const budgeted = checks.filter((check) => check.status === "pass" || check.status === "fail");
  parts.push(
    "### Budgets",
    [
      missed.length === 0 ? `All ${budgeted.length} budgets met.` : `${missed.length} of ${budgeted.length} budgets missed:`,
      ...missed.map((check) => `- ${check.section}: ${check.figure}: ${check.measured} (budget ${check.budget})`),
      ...pending.map((check) => `- Pending: ${check.figure}`),
      ...(controls.length > 0 ? ["", "Controls (no budget: a baseline measured twice in this run, judged by the budget its copies get):"] : []),
      ...controls.map((check) => `- ${check.figure}: ${check.measured} (budget ${check.budget})`),
    ].join("\n"),
  );
  return { checks, markdown: parts.filter((part) => part !== "").join("\n\n") + "\n" };
}

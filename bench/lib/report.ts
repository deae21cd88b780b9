import type { ApiFigures, RouteFigures } from "./api";
import { MODEL_CLASS, UPSTASH_PRICING, type ClassCost } from "./class-cost";
import type { ClassroomScaleResults, FollowingFigures } from "./classroom-scale";
import type { GrowthLevel, Timing } from "./growth";
import { median } from "./figures";
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
  /** Every class size: p99 delay from a teacher's action to each phone; none missed. Across two instances: the max. */
  classroomDelayMs: 2_000,
  /** The largest class's app requests and store commands per second over the smallest's. */
  classroomScaleRatio: 2,
  /** Store commands of a 20-minute, ten-question class of 30. */
  classOf30Commands: 5_000,
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
}

export interface BenchResults {
  pageWeight: Record<string, PageWeight>;
  lighthouse: Record<string, LighthouseResult>;
  stores: Record<string, StoreResults>;
  /** The live classroom at 30, 200 and 2,000 phones through the self-host recipe (bench/lib/classroom-scale.ts). */
  classroomScale?: ClassroomScaleResults;
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
  return [table(["Page", "Performance (runs)", "Accessibility", "Best practices", "SEO", "Budget", ""], rows), machineSpeed(results)].join("\n\n");
}

/**
 * The CPU the audits ran on, as Lighthouse measured it before each: its 4× slowdown stands for a mid-range
 * phone when the host scores 1,500–2,000 (a high-end desktop), and for a slower one below that.
 */
function machineSpeed(results: Record<string, LighthouseResult>): string {
  const indexes = Object.values(results).flatMap((result) => result.benchmarkIndex);
  if (indexes.length === 0) return "";
  const round = (value: number) => Math.round(value).toLocaleString("en-GB");
  return `The machine's CPU during the audits: Lighthouse benchmark index ${round(Math.min(...indexes))}–${round(Math.max(...indexes))} (median ${round(median(indexes))}) over ${indexes.length} audits. Lighthouse's 4× slowdown stands for a mid-range phone on a host of 1,500–2,000; below that the simulated phone is slower, and the scores move with the index from one audit to the next.`;
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

const SCALE = "Classroom at scale";
const perSecond = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const count = (value: number) => Math.round(value).toLocaleString("en");

function followingRow(row: FollowingFigures, checks: Check[]): string[] {
  const ok = row.joined === row.phones && row.missed === 0 && row.delayP99Ms < BUDGETS.classroomDelayMs;
  const phones = row.joined === row.phones ? count(row.phones) : `${count(row.phones)} (${count(row.joined)} joined)`;
  checks.push({
    section: SCALE,
    figure: `${phones} phones through nginx: p99 delay from a teacher's action to each phone`,
    measured: ms(row.delayP99Ms) + (row.missed > 0 ? ` (${row.missed} missed)` : ""),
    budget: `< ${ms(BUDGETS.classroomDelayMs)}, none missed, every phone joined`,
    status: verdict(ok),
  });
  const load = row.loadGenerator;
  return [
    phones,
    `${ms(row.delayP50Ms)} / ${ms(row.delayP99Ms)} / ${ms(row.delayMaxMs)}`,
    String(row.missed),
    `${perSecond(row.appRequestsPerSecond)} (${perSecond(row.liveFillsPerSecond)} /live fills)`,
    perSecond(row.storeCommandsPerSecond),
    `${perSecond(row.quiet.appRequestsPerSecond)} / ${perSecond(row.quiet.storeCommandsPerSecond)}`,
    perSecond(row.phoneRequestsPerSecond),
    `${load.pollsPerPhonePerSecond.toFixed(2)} polls/phone/s, poll p50 ${ms(load.pollP50Ms)} p99 ${ms(load.pollP99Ms)}, loop lag p99 ${ms(load.eventLoopP99Ms)} max ${ms(load.eventLoopMaxMs)}, CPU ${percent(load.cpuShareOfCore)} of a core, load average ${load.loadAverage.toFixed(1)}`,
    MARK[verdict(ok)],
  ];
}

/** The largest class's rates over the smallest's: following must not cost more with more phones. */
function scalingChecks(rows: FollowingFigures[], checks: Check[]): string[] {
  const [small, large] = [rows[0], rows[rows.length - 1]];
  if (!small || !large || small === large) return [];
  return (
    [
      ["app requests/s", (row: FollowingFigures) => row.appRequestsPerSecond],
      ["store commands/s", (row: FollowingFigures) => row.storeCommandsPerSecond],
    ] as const
  ).map(([figure, pick]) => {
    const ratio = pick(large) / pick(small);
    const status = verdict(large.joined === large.phones && ratio <= BUDGETS.classroomScaleRatio);
    const line = `${figure} at ${count(large.phones)} phones / at ${count(small.phones)}`;
    checks.push({ section: SCALE, figure: line, measured: `${ratio.toFixed(2)}× (${perSecond(pick(large))} / ${perSecond(pick(small))})`, budget: `≤ ${BUDGETS.classroomScaleRatio}×`, status });
    return `- ${line}: ${ratio.toFixed(2)}× (budget ≤ ${BUDGETS.classroomScaleRatio}×) ${MARK[status]}`;
  });
}

function classRow(label: string, cost: ClassCost, budgeted: boolean, checks: Check[]): string[] {
  const status = budgeted ? verdict(cost.commands < BUDGETS.classOf30Commands) : "info";
  if (budgeted) {
    checks.push({ section: SCALE, figure: `store commands of a ${MODEL_CLASS.seconds / 60}-minute class of ${cost.students}`, measured: count(cost.commands), budget: `< ${count(BUDGETS.classOf30Commands)}`, status });
  }
  return [
    label,
    count(cost.following.commands),
    count(cost.events.commands),
    count(cost.commands),
    count(cost.requests),
    `$${cost.dollars.toFixed(4)}`,
    count(cost.classesInFreeTier),
    budgeted ? `< ${count(BUDGETS.classOf30Commands)} commands` : "—",
    MARK[status],
  ];
}

export function classroomScaleSection(results: ClassroomScaleResults, checks: Check[]): string {
  const following = table(
    ["Phones", "Delay p50 / p99 / max", "Missed", "App requests/s", "Store commands/s", "Following only: app req/s / store cmd/s", "Phone requests/s to nginx", "Load generator", ""],
    results.following.map((row) => followingRow(row, checks)),
  );
  const cross = table(
    ["Store", "Phones", "Delay p99", "Delay max", "Missed", "Budget", ""],
    results.crossInstance.map((row) => {
      const ok = row.missed === 0 && row.delayMaxMs < BUDGETS.classroomDelayMs;
      checks.push({ section: SCALE, figure: `${row.phones} phones on one instance, the teacher on the other (${row.store}): max delay`, measured: ms(row.delayMaxMs) + (row.missed > 0 ? ` (${row.missed} missed)` : ""), budget: `< ${ms(BUDGETS.classroomDelayMs)}, none missed`, status: verdict(ok) });
      return [row.store, String(row.phones), ms(row.delayP99Ms), ms(row.delayMaxMs), String(row.missed), `max < ${ms(BUDGETS.classroomDelayMs)}`, MARK[verdict(ok)]];
    }),
  );
  const events = table(
    ["Event", "Store commands (mean)"],
    (
      [
        ["Join", results.events.join],
        ["Answer", results.events.answer],
        ["A student's own view (GET …/state?v=-1)", results.events.ownView],
        ["Teacher's action", results.events.hostAction],
        ["Teacher's screen reads its view", results.events.hostRead],
        ["The old poll (GET …/state?v=current)", results.events.statePoll],
      ] as const
    ).map(([label, commands]) => [label, commands.toFixed(1)]),
  );
  const [small] = results.classes;
  const costs = table(
    ["Class (20 min, 10 questions)", "Following: commands", "Events: commands", "Store commands", "App requests", `Upstash pay-as-you-go ($${UPSTASH_PRICING.dollarsPer100kCommands} per 100k)`, `Such classes a month in the free tier (${count(UPSTASH_PRICING.freeCommandsPerMonth)} commands)`, "Budget", ""],
    [
      ...results.classes.map((cost) => classRow(`${count(cost.students)} students`, cost, cost === small, checks)),
      classRow(`${count(results.before.students)} students the old way (each phone polls GET …/state once a second)`, results.before, false, checks),
    ],
  );
  const scaling = scalingChecks(results.following, checks);
  return [
    `#### Phones following a live session through nginx (deploy/nginx) in front of two instances on one Redis; the teacher's actions (start, then close, reveal, next) to each phone`,
    following,
    ...(scaling.length > 0 ? [scaling.join("\n")] : []),
    "#### The class split across two instances (teacher on one, phones polling the other directly, no cache)",
    cross,
    "#### Store commands per event (counting store, both instances, one request at a time)",
    events,
    "#### A class's cost, modelled from the figures above",
    costs,
    `Modelled, not measured whole: the following-only rates above × ${MODEL_CLASS.seconds} s, plus each event's commands × its count in the class (a join per student, ${MODEL_CLASS.questions} answers each and one own-view read per answer, ${MODEL_CLASS.hostActions} teacher's actions, a host read per join plus ${MODEL_CLASS.extraHostReads}). Prices: ${UPSTASH_PRICING.source}, recorded ${UPSTASH_PRICING.recorded}.`,
  ].join("\n\n");
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
  }
  if (results.classroomScale) parts.push("### Classroom at scale (self-host recipe: nginx, two instances, Redis)", classroomScaleSection(results.classroomScale, checks));
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

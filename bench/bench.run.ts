import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { measureApi } from "./lib/api";
import { ensureBuild, ROOT, startApp } from "./lib/app-server";
import { BASE_PORT, BENCH_BUILD, SITE_URL } from "./lib/bench-build";
import { missingClassroomRoutes } from "./lib/classroom";
import { measureClassroomScale } from "./lib/classroom-scale";
import { ensureFloorBuild, FLOOR_DIR } from "./lib/floor";
import { measureGrowth } from "./lib/growth";
import { runLighthouse } from "./lib/lighthouse";
import { hasNginx, NGINX_BIN } from "./lib/nginx";
import { measurePageWeights } from "./lib/page-weight";
import * as redis from "./lib/redis";
import { FLOOR_CONTROL, report, type Check, type StoreResults } from "./lib/report";
import { measureStoreCost, startCounting } from "./lib/store-cost";
import { redisAvailable } from "./lib/stores";
import { pageTargets } from "./lib/targets";

/**
 * `npm run bench`: builds the site (with the benchmark's routes, see
 * next.config.js) and the framework's floor, starts them in production mode
 * on the embedded store (and on Redis when REDIS_URL is set), measures page
 * weight, Lighthouse, API throughput, store cost, growth and a live
 * classroom in one run, writes bench/results.json and bench/results.md (and
 * the README's table) and prints the table. Then checks the budgets: the
 * run fails when one is missed. Builds are reused while no source has
 * changed (bench/README.md).
 */

const PORTS = { app: BASE_PORT, floor: BASE_PORT + 1, growthSmall: BASE_PORT + 2, growthLarge: BASE_PORT + 3 };
const DATA_ROOT = path.join(".data", "bench");
const README_MARKERS = ["<!-- bench:results -->", "<!-- /bench:results -->"] as const;

const began = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function assertPortsFree(): Promise<void> {
  for (const port of Object.values(PORTS)) {
    const taken = await fetch(`http://localhost:${port}/`).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`port ${port} is in use; the bench needs ${Object.values(PORTS).join(", ")}`);
  }
}

interface StoreChoice {
  dataDir?: string;
  redisUrl?: string;
}

/** A site server on a fresh store, counting its store calls from the start. */
async function startSite(name: string, port: number, store: StoreChoice) {
  if (store.dataDir) await rm(path.join(ROOT, store.dataDir), { recursive: true, force: true });
  const server = await startApp({
    name,
    port,
    distDir: BENCH_BUILD.distDir,
    store: store.redisUrl ? { REDIS_URL: store.redisUrl } : { DATA_DIR: store.dataDir ?? "" },
    env: { NEXT_PUBLIC_SITE_URL: SITE_URL },
    readyPath: "/api/health",
  });
  try {
    await startCounting(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * Store cost and API on one server, then growth on two more, each on a store of its own.
 * @param stores the first for the main server and the smaller growth level
 * @param classroom whether the store cost includes the classroom's requests
 */
async function measureOnStore(label: string, [first, second]: [StoreChoice, StoreChoice], classroom: boolean): Promise<StoreResults> {
  const server = await startSite(label, PORTS.app, first);
  let storeCost;
  let api;
  try {
    log(`${label}: store cost`);
    storeCost = await measureStoreCost(server.url, { classroom });
    log(`${label}: API throughput`);
    api = await measureApi(server.url, log);
  } finally {
    await server.stop();
  }
  if (first.redisUrl) await redis.empty(first.redisUrl);
  const small = await startSite(`${label}-growth-small`, PORTS.growthSmall, first);
  try {
    const large = await startSite(`${label}-growth-large`, PORTS.growthLarge, second);
    try {
      const growth = await measureGrowth([small.url, large.url], log);
      return { storeCost, api, growth };
    } finally {
      await large.stop();
    }
  } finally {
    await small.stop();
  }
}

function gitDescription(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT }).toString().trim() !== "";
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown";
  }
}

/** Puts the table between the README's markers, when it has them. */
async function updateReadme(markdown: string): Promise<boolean> {
  const file = path.join(ROOT, "README.md");
  const text = await readFile(file, "utf8");
  const [start, end] = README_MARKERS;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return false;
  await writeFile(file, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
  return true;
}

/** Every measurement; writes the results and returns the budgets' checks. */
async function measure(): Promise<Check[]> {
  await assertPortsFree();
  const redisUrl = process.env.REDIS_URL?.trim() || undefined;
  const redisUrls = redisUrl ? ([redisUrl, redis.nextDatabase(redisUrl)] as const) : undefined;
  for (const url of redisUrls ?? []) await redis.assertEmpty(url);
  const missing = missingClassroomRoutes();
  const classroom = missing.length === 0;
  const pending = classroom ? [] : [`classroom figures: the bench needs ${missing.join(", ")}`];

  log("the site's build");
  log(await ensureBuild(BENCH_BUILD));
  log("the floor page's build");
  log(await ensureFloorBuild());

  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const stores: Record<string, StoreResults> = {};
  const app = await startSite("pages", PORTS.app, { dataDir: path.join(DATA_ROOT, "pages") });
  let pageWeight;
  let lighthouse;
  let pages;
  try {
    const floor = await startApp({ name: "floor", cwd: FLOOR_DIR, port: PORTS.floor, readyPath: "/" });
    try {
      pages = await pageTargets(app.url, { classroom });
      const floorPage = { name: "floor", label: "Floor", url: `${floor.url}/`, budget: null, indexable: true };
      log("page weight");
      pageWeight = await measurePageWeights([floorPage, ...pages]);
      log("lighthouse");
      // The floor again, last in each round: the spread between two audits of one page in this run.
      lighthouse = await runLighthouse([floorPage, ...pages, { ...floorPage, name: FLOOR_CONTROL }], log);
    } finally {
      await floor.stop();
    }
  } finally {
    await app.stop();
  }

  try {
    stores.embedded = await measureOnStore(
      "embedded",
      [{ dataDir: path.join(DATA_ROOT, "embedded") }, { dataDir: path.join(DATA_ROOT, "embedded-large") }],
      classroom,
    );
  } finally {
    await rm(path.join(ROOT, DATA_ROOT), { recursive: true, force: true });
  }
  if (redisUrls) {
    try {
      stores.redis = await measureOnStore("redis", [{ redisUrl: redisUrls[0] }, { redisUrl: redisUrls[1] }], classroom);
    } finally {
      for (const url of redisUrls) await redis.empty(url);
    }
  }

  // The live classroom at school scale runs on a redis-server of its own, behind the self-host recipe's nginx.
  const scaleRunnable = classroom && redisAvailable() && hasNginx();
  if (classroom && !scaleRunnable) pending.push(`classroom at scale: needs redis-server and nginx (${NGINX_BIN})`);
  const classroomScale = scaleRunnable ? await measureClassroomScale(log) : undefined;

  const results = { pageWeight, lighthouse, stores, classroomScale, pending, pages: pages.map(({ name, label, budget }) => ({ name, label, budget })) };
  const { checks, markdown } = report(results);
  const seconds = Math.round((performance.now() - began) / 1000);
  const nextVersion = (JSON.parse(await readFile(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
  const meta = {
    date: startedAt.toISOString(),
    commit: gitDescription(),
    next: nextVersion,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    durationSeconds: seconds,
  };
  const header = `Measured ${meta.date.slice(0, 10)} at ${meta.commit}, Next.js ${meta.next}, Node ${meta.node}, ${meta.cpus} CPUs, load average ${loadBefore[0]?.toFixed(1)} at the start and ${meta.loadAverage.after[0]?.toFixed(1)} at the end (timings are only comparable within a run); \`npm run bench\` took ${Math.round(seconds / 60)} min.\n\n`;
  await writeFile(path.join(ROOT, "bench", "results.json"), JSON.stringify({ meta, ...results, checks }, null, 2) + "\n");
  await writeFile(path.join(ROOT, "bench", "results.md"), header + markdown);
  const inReadme = await updateReadme(header + markdown);
  console.log(`\n${header}${markdown}`);
  log(`wrote bench/results.json, bench/results.md${inReadme ? " and the README's table" : ""}`);
  return checks;
}

let checks: Check[] | undefined;

it("measures the site next to its floor", async () => {
  checks = await measure();
});

it("meets every budget", (context) => {
  if (!checks) return context.skip("the bench did not finish");
  const missed = checks.filter((check) => check.status === "fail").map((check) => `${check.section}: ${check.figure}: ${check.measured} (budget ${check.budget})`);
  expect(missed, "budgets missed (the table above has every figure)").toEqual([]);
});

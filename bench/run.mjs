// @ts-check
/**
 * `npm run bench`: builds the site and the framework's floor, starts them in
 * production mode on the embedded store (and on Redis when REDIS_URL is
 * set), measures page weight, Lighthouse, API throughput, store cost,
 * growth and a live classroom in one run, writes bench/results.json and
 * bench/results.md (and the README's table), prints the table, and exits
 * 1 when a budget is missed (2 when the bench itself failed).
 * `npm run bench -- --no-build` measures the last builds again.
 */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { measureApi } from "./lib/api.mjs";
import { APP_DIST_DIR, buildApp, buildFloor, FLOOR_DIR } from "./lib/build.mjs";
import { measureClassroom, missingClassroomRoutes } from "./lib/classroom.mjs";
import { measureGrowth } from "./lib/growth.mjs";
import { runLighthouse } from "./lib/lighthouse.mjs";
import { measurePageWeights } from "./lib/page-weight.mjs";
import { childEnv, ROOT, startServer, TMP } from "./lib/processes.mjs";
import * as redis from "./lib/redis.mjs";
import { FLOOR_CONTROL, report } from "./lib/report.mjs";
import { measureStoreCost, startCounting } from "./lib/store-cost.mjs";
import { pageTargets } from "./lib/targets.mjs";

// BENCH_PORT moves the four ports, for machines where 3330–3333 are taken.
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3330);
const PORTS = { app: BASE_PORT, floor: BASE_PORT + 1, growthSmall: BASE_PORT + 2, growthLarge: BASE_PORT + 3 };
const SITE_URL = `http://localhost:${PORTS.app}`;
const DATA_ROOT = path.join(".data", "bench");
const README_MARKERS = ["<!-- bench:results -->", "<!-- /bench:results -->"];

const began = performance.now();
const log = (/** @type {string} */ message) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function assertPortsFree() {
  for (const port of Object.values(PORTS)) {
    const taken = await fetch(`http://localhost:${port}/`).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`port ${port} is in use; the bench needs ${Object.values(PORTS).join(", ")}`);
  }
}

/**
 * A site server on a fresh store, counting its store calls from the start.
 * @param {string} name
 * @param {number} port
 * @param {{ dataDir?: string; redisUrl?: string }} store
 */
async function startSite(name, port, store) {
  if (store.dataDir) await rm(path.join(ROOT, store.dataDir), { recursive: true, force: true });
  const server = await startServer({
    name,
    cwd: ROOT,
    port,
    env: childEnv({
      NEXT_DIST_DIR: APP_DIST_DIR,
      NEXT_PUBLIC_SITE_URL: SITE_URL,
      ...(store.redisUrl ? { REDIS_URL: store.redisUrl } : { DATA_DIR: store.dataDir }),
    }),
    readyPath: "/api/health",
    logFile: path.join(TMP, "logs", `server-${name}.log`),
  });
  try {
    await startCounting(server.origin);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** @typedef {{ dataDir?: string; redisUrl?: string }} StoreChoice */

/**
 * Store cost, API and classroom on one server, then growth on two more, each on a store of its own.
 * @param {string} label
 * @param {[StoreChoice, StoreChoice]} stores the first for the main server and the smaller growth level
 * @param {boolean} classroom
 */
async function measureOnStore(label, [first, second], classroom) {
  const server = await startSite(label, PORTS.app, first);
  let storeCost;
  let api;
  let classroomFigures;
  try {
    log(`${label}: store cost`);
    storeCost = await measureStoreCost(server.origin, { classroom });
    log(`${label}: API throughput`);
    api = await measureApi(server.origin, log);
    classroomFigures = classroom ? await measureClassroom(server.origin, log) : undefined;
  } finally {
    await server.stop();
  }
  if (first.redisUrl) await redis.empty(first.redisUrl);
  const small = await startSite(`${label}-growth-small`, PORTS.growthSmall, first);
  try {
    const large = await startSite(`${label}-growth-large`, PORTS.growthLarge, second);
    try {
      const growth = await measureGrowth([small.origin, large.origin], log);
      return { storeCost, api, growth, classroom: classroomFigures };
    } finally {
      await large.stop();
    }
  } finally {
    await small.stop();
  }
}

function gitDescription() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT }).toString().trim() !== "";
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown";
  }
}

/** Puts the table between the README's markers, when it has them. @param {string} markdown */
async function updateReadme(markdown) {
  const file = path.join(ROOT, "README.md");
  const text = await readFile(file, "utf8");
  const [start, end] = README_MARKERS;
  const from = text.indexOf(/** @type {string} */ (start));
  const to = text.indexOf(/** @type {string} */ (end));
  if (from < 0 || to < from) return false;
  await writeFile(file, `${text.slice(0, from + (start ?? "").length)}\n${markdown}\n${text.slice(to)}`);
  return true;
}

async function main() {
  await assertPortsFree();
  const redisUrl = process.env.REDIS_URL?.trim() || undefined;
  const redisUrls = redisUrl ? /** @type {const} */ ([redisUrl, redis.nextDatabase(redisUrl)]) : undefined;
  for (const url of redisUrls ?? []) await redis.assertEmpty(url);
  const missing = missingClassroomRoutes();
  const classroom = missing.length === 0;
  const pending = classroom ? [] : [`classroom figures: the bench needs ${missing.join(", ")}`];

  if (process.argv.includes("--no-build")) {
    log(`reusing the last builds (${APP_DIST_DIR}, bench/.tmp/floor)`);
  } else {
    log("building the site");
    await buildApp(SITE_URL);
    log("building the floor page");
    await buildFloor();
  }

  const startedAt = new Date();
  const loadBefore = os.loadavg();
  /** @type {Record<string, import("./lib/report.mjs").StoreResults>} */
  const stores = {};
  const app = await startSite("pages", PORTS.app, { dataDir: path.join(DATA_ROOT, "pages") });
  const floor = await startServer({ name: "floor", cwd: FLOOR_DIR, port: PORTS.floor, env: childEnv({}), readyPath: "/", logFile: path.join(TMP, "logs", "server-floor.log") });
  let pageWeight;
  let lighthouse;
  let pages;
  try {
    pages = await pageTargets(app.origin, { classroom });
    const floorPage = { name: "floor", label: "Floor", url: `${floor.origin}/`, budget: null, indexable: true };
    log("page weight");
    pageWeight = await measurePageWeights([floorPage, ...pages]);
    log("lighthouse");
    // The floor again, last in each round: the spread between two audits of one page in this run.
    lighthouse = await runLighthouse([floorPage, ...pages, { ...floorPage, name: FLOOR_CONTROL }], log);
  } finally {
    await floor.stop();
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

  const results = { pageWeight, lighthouse, stores, pending, pages: pages.map(({ name, label, budget }) => ({ name, label, budget })) };
  const { checks, markdown } = report(results);
  const seconds = Math.round((performance.now() - began) / 1000);
  const nextVersion = JSON.parse(await readFile(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")).version;
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
  process.exitCode = checks.some((check) => check.status === "fail") ? 1 : 0;
}

main().catch((error) => {
  console.error(`\nThe bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 2;
});

import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, type WriteStream } from "node:fs";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../tests/support/global-setup";

/**
 * Builds and production servers for every entry in bench/: `next build`
 * into a dist folder of the entry's own (so it never touches anyone's
 * `.next`), and `next start` on a store of its own. Each server runs in
 * its own process group, so that stopping it also stops the workers Next
 * starts; any server still running is stopped when the process exits.
 */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Throwaway files of the bench: logs, the floor app (ignored by git). */
export const TMP = path.join(ROOT, "bench", ".tmp");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const CSP_HASHES_SCRIPT = path.join(ROOT, "scripts", "csp-hashes.mjs");

/** What a build's output depends on: it is reused while newer than all of these. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "content",
  "public",
  "bench/server",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "instrumentation.ts",
  "proxy.ts",
];
/** Written into a dist folder after a build: the settings it was built with. */
const BUILD_SETTINGS_FILE = "bench-build.json";
/** A stopped server that has not exited by then (a graceful shutdown waits for open connections) is killed. */
const STOP_GRACE_MS = 10_000;

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGTERM");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * The environment a child gets: ours without any store configuration or
 * build setting (each server is told which store to use, each build how
 * to build), in production mode (vitest runs its workers with
 * NODE_ENV=test, which `next` would keep), plus `extra`.
 */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["REDIS_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "DATA_DIR", "VERCEL", "NEXT_DIST_DIR", "BENCH_BUILD", "STANDALONE_BUILD"]) {
    delete env[name];
  }
  return { ...env, ...extra };
}

type RunOptions = { cwd: string; env: NodeJS.ProcessEnv; logFile: string };

/** Runs `next <args>` to completion, its output in `logFile`; throws with the log's tail when it fails. */
export function runNext(args: string[], options: RunOptions): Promise<void> {
  return runNode([NEXT_BIN, ...args], options);
}

/** Runs `node <argv>` to completion, as runNext does. */
async function runNode(argv: string[], options: RunOptions): Promise<void> {
  const node = await spawnNode(argv, { ...options, keepChars: 4_000 });
  const code = await new Promise<number | null>((resolve) => node.child.on("close", resolve));
  node.log.end();
  if (code !== 0) throw new Error(`node ${argv.join(" ")} failed (exit ${code}); log: ${options.logFile}\n${node.output()}`);
}

/** `node <argv>` as a child, its output written to `logFile` and its last `keepChars` characters kept for errors. */
async function spawnNode(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; keepChars: number; detached?: boolean },
): Promise<{ child: ChildProcess; log: WriteStream; output: () => string }> {
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, argv, { cwd: options.cwd, env: options.env, detached: options.detached, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-options.keepChars);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return { child, log, output: () => output };
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export interface BuildSettings {
  /** Where `next build` writes (NEXT_DIST_DIR), relative to the root. */
  distDir: string;
  /** BENCH_BUILD=1: the benchmark's routes (app/api/bench) are compiled in. Only the bench's own build has them. */
  benchRoutes: boolean;
  /** NEXT_PUBLIC_SITE_URL, inlined at build time. */
  siteUrl?: string;
  /** STANDALONE_BUILD=1: `output: "standalone"`, the traced files of each function copied into `<distDir>/standalone`. */
  standalone?: boolean;
}

/**
 * Builds the site into `settings.distDir` unless a build made with the same
 * settings and newer than every source is there. Returns what it did, for
 * the log. Delete the dist folder to force a build.
 *
 * `next build` adds its dist folder's types to tsconfig.json (and reformats
 * it); the file is put back as it was, with its old mtime (or the next run
 * would see a changed source and build again).
 */
export async function ensureBuild(settings: BuildSettings): Promise<string> {
  const distDir = path.join(ROOT, settings.distDir);
  const recorded = path.join(distDir, BUILD_SETTINGS_FILE);
  const wanted = JSON.stringify(settings);
  const sources = Math.max(...SOURCES.map((entry) => newestMtime(path.join(ROOT, entry))));
  if (existsSync(recorded) && readFileSync(recorded, "utf8") === wanted && statSync(recorded).mtimeMs > sources) {
    return `reused the build in ${settings.distDir}`;
  }

  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const tsconfig = { text: await readFile(tsconfigPath, "utf8"), stat: statSync(tsconfigPath) };
  const started = performance.now();
  const build = {
    cwd: ROOT,
    env: childEnv({
      NEXT_DIST_DIR: settings.distDir,
      NEXT_PUBLIC_SITE_URL: settings.siteUrl,
      ...(settings.benchRoutes ? { BENCH_BUILD: "1" } : {}),
      ...(settings.standalone ? { STANDALONE_BUILD: "1" } : {}),
    }),
    logFile: path.join(TMP, "logs", `build${settings.distDir}.log`),
  };
  try {
    // The two steps of `npm run build`: the pages' policy hashes are written after Next has built them.
    await runNext(["build"], build);
    await runNode([CSP_HASHES_SCRIPT], { ...build, logFile: path.join(TMP, "logs", `csp-hashes${settings.distDir}.log`) });
  } finally {
    if ((await readFile(tsconfigPath, "utf8")) !== tsconfig.text) await writeFile(tsconfigPath, tsconfig.text);
    await utimes(tsconfigPath, tsconfig.stat.atime, tsconfig.stat.mtime);
  }
  await writeFile(recorded, wanted);
  return `built into ${settings.distDir} in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

/**
 * The load and chaos runs' build: the product as shipped, without the
 * benchmark's routes, in a folder of its own (reused between runs while
 * no source changes).
 */
export const LOAD_BUILD: BuildSettings = { distDir: ".next-load", benchRoutes: false };

/** The one store setting a server gets; any other in the caller's environment is not passed on. */
export type ServerStore = { DATA_DIR: string } | { REDIS_URL: string };

export interface StartOptions {
  /** For messages and the log file's name. */
  name: string;
  /** The app to start (default: the site). */
  cwd?: string;
  /** The site's build to start (NEXT_DIST_DIR); the floor app has its own `.next`. */
  distDir?: string;
  store?: ServerStore;
  env?: Record<string, string | undefined>;
  /** Default: a free port. */
  port?: number;
  /** Listen on this address only, and use it in the URL; by default `next start`'s own and `localhost`. */
  host?: string;
  /** A standalone build's `server.js` in `cwd`, run with node instead of `next start` (port and address from PORT and HOSTNAME). */
  standaloneServer?: string;
  /** Answers 200 once the server is ready. */
  readyPath: string;
}

export interface AppServer {
  /** http://host:port */
  url: string;
  /** The process id of `next start`, which leads a process group of its own (with any workers it starts). */
  pid: number;
  /** The server's output so far (its last 64 kB; all of it is in bench/.tmp/logs/server-<name>.log). */
  log(): string;
  stop(): Promise<void>;
}

/** How the load and chaos runs start their servers (with a store and a name of their own). */
export const LOAD_SERVER = { distDir: LOAD_BUILD.distDir, host: "127.0.0.1", readyPath: "/api/health" } satisfies Partial<StartOptions>;

/** `next start` (or a standalone build's server.js), once `readyPath` answers 200. */
export async function startApp(options: StartOptions): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const logFile = path.join(TMP, "logs", `server-${options.name}.log`);
  const argv = options.standaloneServer
    ? [options.standaloneServer]
    : [NEXT_BIN, "start", "--port", String(port), ...(options.host ? ["--hostname", options.host] : [])];
  // The bench's crowd stands in for a proxy: each player's address is the X-Forwarded-For entry it sends (lib/crowd.ts).
  const env = childEnv({
    TRUSTED_PROXY_HOPS: "1",
    ...(options.distDir ? { NEXT_DIST_DIR: options.distDir } : {}),
    ...(options.standaloneServer ? { PORT: String(port), HOSTNAME: options.host } : {}),
    ...options.store,
    ...options.env,
  });
  const { child, log: logStream, output } = await spawnNode(argv, { cwd: options.cwd ?? ROOT, env, logFile, keepChars: 64_000, detached: true });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    running.delete(child);
    logStream.end();
  };
  const url = `http://${options.host ?? "localhost"}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${options.name} server exited with ${child.exitCode} before it was ready; log: ${logFile}\n${output()}`);
    const ready = await fetch(url + options.readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, pid: child.pid as number, log: output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${options.name} server did not answer ${options.readyPath} within 60 s; log: ${logFile}\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

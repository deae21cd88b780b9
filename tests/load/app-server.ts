import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../support/global-setup";

/**
 * The production app for the HTTP load scripts: `next build` into its own
 * dist dir, then `next start` on a free port with the store given.
 *
 * The build is reused while it is newer than every source file (app/,
 * components/, lib/, content/, public/ and the root config files); delete
 * the dist dir to force a rebuild. `next build` adds the dist dir's types to
 * tsconfig.json, so the file is put back afterwards: a load run leaves the
 * working tree as it found it.
 */

export const LOAD_DIST_DIR = ".next-load";

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "components", "lib", "content", "public"];
const SOURCE_FILES = ["next.config.js", "package.json", "package-lock.json", "tsconfig.json", "instrumentation.ts", "proxy.ts"];
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Builds into `distDir` unless a build newer than the sources is there. Returns what it did, for the log. */
export function ensureBuild(distDir = LOAD_DIST_DIR): string {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestMtime(path.join(ROOT, entry))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return `reused the build in ${distDir}`;

  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const tsconfig = { text: readFileSync(tsconfigPath, "utf8"), stat: statSync(tsconfigPath) };
  const started = performance.now();
  const build = spawnSync(NEXT_BIN, ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // Put back with its old mtime too, or the next run would see a "changed source" and rebuild.
  writeFileSync(tsconfigPath, tsconfig.text);
  utimesSync(tsconfigPath, tsconfig.stat.atime, tsconfig.stat.mtime);
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  return `built into ${distDir} in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

export interface AppServer {
  url: string;
  /** The server's output so far, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `next start` on a free port. `store` is the only store setting passed on
 * (DATA_DIR or REDIS_URL), so a store configured in the caller's shell
 * cannot leak into the run.
 */
export async function startApp(store: { DATA_DIR: string } | { REDIS_URL: string }, distDir = LOAD_DIST_DIR): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", ...store };
  for (const name of ["REDIS_URL", "DATA_DIR", "KV_REST_API_URL", "KV_REST_API_TOKEN", "VERCEL"]) {
    if (!(name in store)) delete env[name];
  }
  const child = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    // Detached: the signal goes to next's whole process group, workers included.
    const group = -child.pid;
    process.kill(group, "SIGTERM");
    // A graceful shutdown waits for open connections; a load run's leftovers must not hold it up.
    const timer = setTimeout(() => process.kill(group, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${output}`);
    const up = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, log: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

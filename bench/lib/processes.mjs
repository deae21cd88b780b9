// @ts-check
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Child processes of the bench: builds and `next start` servers. Each server
 * runs in its own process group so that stopping it also stops the workers
 * Next starts; every server still running is stopped when the bench exits.
 */

export const ROOT = path.resolve(new URL("../..", import.meta.url).pathname);
export const TMP = path.join(ROOT, "bench", ".tmp");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();

function stopAll() {
  for (const child of running) stopGroup(child);
}
process.on("exit", stopAll);
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** @param {import("node:child_process").ChildProcess} child */
function stopGroup(child) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/**
 * The environment a child gets: ours without any store configuration (each
 * server is told which store to use), plus `extra`.
 * @param {Record<string, string | undefined>} extra
 */
export function childEnv(extra) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["REDIS_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "DATA_DIR", "NEXT_DIST_DIR", "BENCH_BUILD"]) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/**
 * Runs `next <args>` to completion, its output in `logFile`; throws with the log's tail when it fails.
 * @param {string[]} args
 * @param {{ cwd: string; env: Record<string, string | undefined>; logFile: string }} options
 */
export async function runNext(args, { cwd, env, logFile }) {
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let tail = "";
  const keep = (/** @type {Buffer} */ chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise((resolve) => child.on("close", resolve));
  log.end();
  if (code !== 0) throw new Error(`next ${args.join(" ")} failed (exit ${code}); log: ${logFile}\n${tail}`);
}

/**
 * Starts `next start` and waits until `readyPath` answers 200.
 * @param {{ name: string; cwd: string; port: number; env: Record<string, string | undefined>; readyPath: string; logFile: string }} options
 * @returns {Promise<{ origin: string; stop: () => Promise<void> }>}
 */
export async function startServer({ name, cwd, port, env, readyPath, logFile }) {
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited with ${child.exitCode} before it was ready; log: ${logFile}`);
    if (Date.now() > deadline) {
      stopGroup(child);
      throw new Error(`${name} server did not answer ${readyPath} within 60 s; log: ${logFile}`);
    }
    const ok = await fetch(origin + readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    async stop() {
      stopGroup(child);
      await exited;
      running.delete(child);
      log.end();
    },
  };
}

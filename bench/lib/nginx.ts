import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../../tests/support/global-setup";
import { ROOT, TMP } from "./app-server";

/**
 * The self-host recipe's nginx (deploy/nginx) in front of the bench's
 * servers: the same template, rendered by the same script an operator
 * runs, in a prefix of its own under bench/.tmp, as a foreground child
 * (`daemon off`). Started as root, its workers run as `nobody`, as
 * Debian's run as `www-data`.
 */

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const RECIPE = path.join(ROOT, "deploy", "nginx");
const STOP_GRACE_MS = 10_000;

export interface Nginx {
  /** http://127.0.0.1:port */
  url: string;
  /** classroom.conf's access logs (`log_format classroom`): one line per request, and one per /live copy fetched. */
  accessLog: string;
  fillLog: string;
  stop(): Promise<void>;
}

export const hasNginx = () => existsSync(NGINX_BIN);

/** deploy/nginx/render.sh on one of the recipe's templates. */
function render(template: string, variables: Record<string, string>): string {
  return execFileSync("sh", [path.join(RECIPE, "render.sh"), path.join(RECIPE, template)], {
    env: { ...process.env, ...variables },
    encoding: "utf8",
  });
}

/** nginx in front of `apps` (host:port each), once it answers /api/health through them. */
export async function startNginx(name: string, apps: string[]): Promise<Nginx> {
  const prefix = path.join(TMP, `nginx-${name}`);
  await rm(prefix, { recursive: true, force: true });
  const logs = path.join(prefix, "logs");
  const temp = path.join(prefix, "temp");
  await mkdir(logs, { recursive: true });
  await mkdir(temp, { recursive: true });
  const port = await freePort();
  const classroomConf = path.join(prefix, "classroom.conf");
  const mainConf = path.join(prefix, "nginx.conf");
  await writeFile(classroomConf, render("classroom.conf", { APPS: apps.join(" "), LISTEN: `127.0.0.1:${port}`, CACHE_DIR: path.join(prefix, "cache"), LOG_DIR: logs, FILL_SOCKET: path.join(prefix, "fill.sock") }));
  await writeFile(mainConf, render("nginx.conf", { PID_FILE: path.join(prefix, "nginx.pid"), TEMP_DIR: temp, LOG_DIR: logs, CLASSROOM_CONF: classroomConf }));

  const child = spawn(NGINX_BIN, ["-p", prefix, "-c", mainConf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  process.once("exit", () => child.kill("SIGTERM"));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, accessLog: path.join(logs, "classroom-access.log"), fillLog: path.join(logs, "classroom-fill.log"), stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer /api/health within 30 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface UpstreamTally {
  /** Every request nginx logged in the window. */
  requests: number;
  /** Those that reached an app: /live copies fetched, and everything not cached. */
  reachedApps: number;
  /** Of those, /live copies fetched (in the background or for a first request). */
  liveFills: number;
}

/** The `$msec` lines of an access log between two times (Date.now() ms). */
async function linesBetween(file: string, from: number, to: number): Promise<string[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").filter((line) => {
    const at = Number(line.slice(0, line.indexOf(" "))) * 1000;
    return at >= from && at < to;
  });
}

/**
 * Tallies the access logs between two times (Date.now() ms). They are
 * buffered for up to a second (flush=1s): read them a little after `to`.
 */
export async function tallyAccessLog(nginx: Pick<Nginx, "accessLog" | "fillLog">, from: number, to: number): Promise<UpstreamTally> {
  const requests = await linesBetween(nginx.accessLog, from, to);
  const fills = await linesBetween(nginx.fillLog, from, to);
  // A phone's line names the fill server when its request started a fill; the fill server's own line counts it.
  const direct = requests.filter((line) => !line.includes(" upstream=- ") && !line.includes(" upstream=unix:")).length;
  return { requests: requests.length, reachedApps: direct + fills.length, liveFills: fills.length };
}

import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { childEnv, ROOT, type BuildSettings } from "./app-server";

/**
 * The site as a serverless host runs it: from Next's standalone output,
 * with only the files each function's trace lists. The build has no
 * NEXT_PUBLIC_SITE_URL, so it also shows what a deploy that sets none gets.
 */

export const STANDALONE_BUILD: BuildSettings = { distDir: ".next-standalone", benchRoutes: false, standalone: true };

/** The trace of proxy.ts's bundle (Next 16 still names it middleware.js), which a host packages the proxy with. */
const PROXY_BUNDLE = "middleware.js";

const tempDir = (name: string) => mkdtemp(path.join(tmpdir(), `${name}-`));

/**
 * The standalone server in a fresh folder: `<distDir>/standalone` as built,
 * plus the static assets, which a host serves from its CDN (the site has no public/).
 */
export async function standaloneCopy(distDir: string): Promise<string> {
  const dir = await tempDir("standalone");
  const built = path.join(ROOT, distDir);
  await cp(path.join(built, "standalone"), dir, { recursive: true });
  await cp(path.join(built, "static"), path.join(dir, distDir, "static"), { recursive: true });
  return dir;
}

/** The proxy as a function of its own, in a fresh folder: its bundle and the files its trace lists, nothing else. */
export async function proxyFunctionCopy(distDir: string): Promise<string> {
  const serverDir = path.join(ROOT, distDir, "server");
  const trace = z.object({ files: z.array(z.string()) }).parse(JSON.parse(await readFile(path.join(serverDir, `${PROXY_BUNDLE}.nft.json`), "utf8")));
  const dir = await tempDir("proxy-function");
  for (const file of [PROXY_BUNDLE, ...trace.files]) {
    const from = path.resolve(serverDir, file);
    await cp(from, path.join(dir, path.relative(ROOT, from)), { recursive: true });
  }
  return dir;
}

/** Runs in the function's folder: the serverless entry Next exports (`handler`), called with each path's request. */
const CALL_PROXY = `
const { handler } = require(process.argv[1]);
(async () => {
  const policies = {};
  for (const path of JSON.parse(process.argv[2])) {
    const response = await handler(new Request("http://localhost:3000" + path), { waitUntil() {} });
    policies[path] = response.headers.get("content-security-policy");
  }
  console.log("POLICIES " + JSON.stringify(policies));
})();`;

/** The Content-Security-Policy the proxy alone (see proxyFunctionCopy) answers each path with. */
export async function proxyPolicies(dir: string, distDir: string, paths: readonly string[]): Promise<Record<string, string | null>> {
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", CALL_PROXY, path.join(dir, distDir, "server", PROXY_BUNDLE), JSON.stringify(paths)], {
    cwd: dir,
    env: childEnv({ NEXT_DIST_DIR: distDir }),
  });
  const line = stdout.split("\n").find((text) => text.startsWith("POLICIES "));
  if (!line) throw new Error(`the proxy printed no policies:\n${stdout}`);
  return z.record(z.string(), z.string().nullable()).parse(JSON.parse(line.slice("POLICIES ".length)));
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with headers of our choosing, `Host` included (fetch would not send a forged one). */
export function rawRequest(baseUrl: string, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path: pathname, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../support/global-setup";
import { JOIN_CODE_ALPHABET } from "../../lib/classroom/code";
import { joinPath } from "../../lib/classroom/paths";

/**
 * Per-client limits count the address the server is connected to, not one
 * the client writes in X-Forwarded-For (lib/http/client-address.ts): against
 * `next start` reached directly (TRUSTED_PROXY_HOPS unset, the README's
 * self-host command), a client that forges a new header on every request is
 * limited all the same.
 *
 * The suite's own server trusts one proxy hop (playwright.config.ts), so
 * this starts the same build a second time with the default setting, on a
 * store of its own.
 */

/** CLASSROOM_RATE_LIMITS.wrongCodes in lib/classroom/limits.ts (which imports the store, so not loaded here). */
const WRONG_CODES_PER_CLIENT = 60;

let server: ChildProcess | undefined;
let serverUrl = "";
let dataDir = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "client-address-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production" };
  delete env.TRUSTED_PROXY_HOPS;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: "ignore" });
  serverUrl = `http://127.0.0.1:${port}`;
  await expect
    .poll(() => fetch(`${serverUrl}/api/health`).then((response) => response.status, () => 0), { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test("wrong join codes under a new forged X-Forwarded-For each time are still refused after the limit", async () => {
  test.slow();
  const limit = WRONG_CODES_PER_CLIENT;
  let refused = 0;
  for (let i = 0; i < limit + 10; i += 1) {
    // Valid but unused codes; half the forged headers look like addresses, half are junk.
    const code = `ZZZZ${i.toString(JOIN_CODE_ALPHABET.length).padStart(4, "0").replace(/./g, (digit) => JOIN_CODE_ALPHABET[parseInt(digit, 30)] ?? "")}`;
    const forged = i % 2 === 0 ? `198.51.${Math.floor(i / 250)}.${i % 250}` : `garbage-${i}`;
    const response = await fetch(serverUrl + joinPath(code), { headers: { "x-forwarded-for": forged, "x-real-ip": forged } });
    if ((await response.text()).includes("Too many wrong codes")) refused += 1;
  }
  expect(refused, `of ${limit + 10} wrong codes, those refused`).toBeGreaterThanOrEqual(10);
});

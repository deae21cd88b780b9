import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const dataDir = `.data/e2e-${PORT}`;
/** The classroom specs (`classroom*.spec.ts`), which run in their own project (below). */
const CLASSROOM_SPECS = /classroom[\w-]*\.spec\.ts/;

// Browsers cannot be downloaded on every machine: use Debian's Chromium when it is there.
const debianChromium = "/usr/bin/chromium";
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // A small Android phone at 320 px, the narrowest width we support.
    { name: "android-small", use: { ...devices["Galaxy S9+"] }, testIgnore: CLASSROOM_SPECS },
    // Playwright's iPhone presets default to WebKit; emulate the viewport in Chromium.
    { name: "iphone", use: { ...devices["iPhone 13"], browserName: "chromium" }, testIgnore: CLASSROOM_SPECS },
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: CLASSROOM_SPECS },
    // Whole-site checks over HTTP; no browser needed, so they run once.
    { name: "site", testMatch: /.*\.crawl\.ts/ },
    // The classroom specs drive their own teacher and phone contexts, so they run once. Phones must follow the
    // teacher within two seconds, so they run last and one at a time: on two cores, a second worker's browsers
    // (or the other projects') keep both cores busy, the server gets a tenth of a core, and a phone misses the reveal.
    {
      name: "classroom",
      use: { ...devices["Galaxy S9+"] },
      testMatch: CLASSROOM_SPECS,
      dependencies: ["android-small", "iphone", "desktop", "site"],
      workers: 1,
    },
  ],
  webServer: {
    // A production build on a throwaway embedded store, as a visitor would get it.
    command: `rm -rf ${dataDir} && npm run build && npx next start --port ${PORT} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 420_000,
    reuseExistingServer: !process.env.CI,
    // As behind one nginx (README): a test stands for a player on a network of its own by sending X-Forwarded-For.
    // client-address.crawl.ts starts a server of its own with the default (no trusted hop) to check forged headers.
    env: { DATA_DIR: dataDir, NEXT_PUBLIC_SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1", TRUSTED_PROXY_HOPS: "1" },
    stdout: "pipe",
  },
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { weigh } from "../../bench/lib/page-weight";
import { sitemapPaths } from "./support";

/**
 * The reading pages' JavaScript budget from issue 9, kept by `npm test`: an
 * explainer, the timeline or the updates log may load at most 5 kB of
 * compressed JavaScript more than an empty App Router page.
 *
 * The floor page is not built here (a second Next.js build would double the
 * test's time), so its figure comes from the last `npm run bench`, which
 * measured it the same way (bench/lib/page-weight.ts, shared) and saved it
 * in bench/results.json with the Next.js version it was measured on.
 * Compressed sizes of a given build do not vary between runs, so this test
 * is deterministic; after a Next.js upgrade it asks for the bench again
 * instead of comparing with another version's floor.
 */

const BUDGET_ABOVE_FLOOR = 5_000;

const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as {
  meta: { next: string };
  pageWeight: { floor: { js: number; scripts: { url: string }[] } };
};
const installedNext = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;

test("explainers, the timeline and the updates log stay within 5 kB of JavaScript above the framework's floor", async ({ browser, request, baseURL }) => {
  // Nine cold page loads one after another: bytes are counted, not time, so a busy machine only needs longer.
  test.slow();
  expect(
    results.meta.next,
    `bench/results.json measured the floor on Next.js ${results.meta.next}, but ${installedNext} is installed: run npm run bench`,
  ).toBe(installedNext);
  const floor = results.pageWeight.floor.js;
  const floorScripts = new Set(results.pageWeight.floor.scripts.map((script) => script.url));
  const paths = (await sitemapPaths(request)).filter(
    (path) => path === "/timeline" || path === "/updates" || path.startsWith("/explainers/"),
  );
  expect(paths.length).toBeGreaterThan(1);

  const over: string[] = [];
  for (const path of paths) {
    const weight = await weigh(browser, { name: path, url: `${baseURL}${path}` });
    const above = weight.js - floor;
    if (above > BUDGET_ABOVE_FLOOR) {
      const extra = weight.scripts.filter((script) => !script.prefetched && !floorScripts.has(script.url));
      const listed = extra.map((script) => `${script.url} ${script.bytes} B`).join(", ");
      over.push(`${path}: ${weight.js} B of JS, ${above} B above the floor (${floor} B); scripts the floor does not load: ${listed}`);
    }
  }
  expect(over, `pages over the ${BUDGET_ABOVE_FLOOR} B budget`).toEqual([]);
});

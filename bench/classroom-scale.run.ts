import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { ensureBuild, ROOT } from "./lib/app-server";
import { BENCH_BUILD } from "./lib/bench-build";
import { measureClassroomScale } from "./lib/classroom-scale";
import { hasNginx, NGINX_BIN } from "./lib/nginx";
import { classroomScaleSection, type Check } from "./lib/report";
import { redisAvailable } from "./lib/stores";

/**
 * `npm run bench:classroom`: only the benchmark's classroom at scale (the
 * self-host recipe with 30, 200 and 2,000 phones, the class split across two
 * instances, the cost of a class), on the bench's build, without the rest
 * of `npm run bench`. Prints its table and writes it to
 * bench/.tmp/classroom-scale.md and .json; fails when a budget is missed.
 */

const began = performance.now();
const log = (message: string) => console.log(`[bench:classroom ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

let checks: Check[] | undefined;

it("measures the live classroom at school scale", async (context) => {
  if (!redisAvailable()) return context.skip("needs redis-server");
  if (!hasNginx()) return context.skip(`needs nginx (${NGINX_BIN}; apt-get install nginx)`);
  log(await ensureBuild(BENCH_BUILD));
  const results = await measureClassroomScale(log);
  const section = { checks: [] as Check[] };
  const markdown = classroomScaleSection(results, section.checks);
  checks = section.checks;
  await writeFile(path.join(ROOT, "bench", ".tmp", "classroom-scale.json"), JSON.stringify({ date: new Date().toISOString(), ...results, checks }, null, 2) + "\n");
  await writeFile(path.join(ROOT, "bench", ".tmp", "classroom-scale.md"), markdown);
  console.log(`\n${markdown}`);
});

it("meets every classroom budget", (context) => {
  if (!checks) return context.skip("the measurement did not finish");
  const missed = checks.filter((check) => check.status === "fail").map((check) => `${check.figure}: ${check.measured} (budget ${check.budget})`);
  expect(missed, "budgets missed (the table above has every figure)").toEqual([]);
});

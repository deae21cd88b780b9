import { expect, test } from "@playwright/test";

/**
 * The production build has none of the benchmark's routes: they are only
 * compiled into `npm run bench`'s own build (see next.config.js and
 * tests/unit/bench-routes.test.ts).
 */
test("the benchmark's routes do not exist in a production build", async ({ request }) => {
  for (const path of ["/api/bench/noop", "/api/bench/receive/a1", "/api/bench/fill", "/api/bench/store-counts"]) {
    expect((await request.post(path, { data: {} })).status(), `POST ${path}`).toBe(404);
    expect((await request.get(path)).status(), `GET ${path}`).toBe(404);
  }
});

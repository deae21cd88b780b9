import { defineConfig } from "vitest/config";
import base from "../../vitest.config.mts";

/**
 * `npm run test:load` and `npm run test:chaos`: the production build under
 * load over HTTP. Each script starts what it needs (the app, redis-server),
 * so no global setup. Kept out of `npm test`: they print timings, which are
 * noisy, and check exact counts.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/load/*.http.ts"],
    globalSetup: [],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});

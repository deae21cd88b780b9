import { defineConfig } from "vitest/config";
import base from "../vitest.config.mts";

/**
 * The runtime of every entry in bench/ (`*.run.ts`): TypeScript with the
 * `@/` alias and the `server-only` stand-in, as in the unit tests, so the
 * entries can use lib/ directly (the load runs check the store with it).
 * Each entry starts what it needs (builds, servers, redis-server), so there
 * is no global setup. Kept out of `npm test`: they print timings, which are
 * noisy, and take minutes.
 *
 *   npm run bench | test:load | test:chaos | test:load:classroom
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["bench/*.run.ts"],
    globalSetup: [],
    testTimeout: 3_600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    // Progress and figures go straight to the terminal, as they are printed.
    disableConsoleIntercept: true,
  },
});

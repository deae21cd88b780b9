import { defineConfig } from "vitest/config";
import base from "../../vitest.config.mts";

/**
 * `npm run test:load:classroom`: the classroom load script, on every store
 * adapter (the same global setup starts Redis and the Upstash bridge).
 * Kept out of `npm test`: it is a check of counting under load that prints
 * its figures, not a quick test.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/load/**/*-load.ts"], testTimeout: 600_000, fileParallelism: false },
});

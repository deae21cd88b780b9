import type { BuildSettings } from "./app-server";

/** The benchmark's build and ports, shared by `npm run bench` and `npm run bench:classroom`. */

// BENCH_PORT moves the four ports, for machines where 3330–3333 are taken.
export const BASE_PORT = Number(process.env.BENCH_PORT ?? 3330);
export const SITE_URL = `http://localhost:${BASE_PORT}`;
/** The bench's build of the site: with its routes (app/api/bench), in a folder of its own. */
export const BENCH_BUILD: BuildSettings = { distDir: ".next-bench", benchRoutes: true, siteUrl: SITE_URL };

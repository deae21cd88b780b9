// @ts-check

// This file is CommonJS (Next loads it as is), so the shared list is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NOTHING_ALLOWED_POLICY, SECURITY_HEADERS } = require("./lib/security/response-headers.js");

/**
 * Next.js's own file extensions, plus `bench.ts` only in the benchmark's build (BENCH_BUILD=1, which `npm run
 * bench` sets for the build in its own dist folder). The benchmark's routes are `route.bench.ts` files under
 * app/api/bench/; any other build reads them as files named "route.bench", which are no route, so it neither
 * compiles nor serves them.
 */
const PAGE_EXTENSIONS = ["tsx", "ts", "jsx", "js"];
const BENCH_BUILD = process.env.BENCH_BUILD === "1";
/**
 * `output: "standalone"` only in the chaos run's build (STANDALONE_BUILD=1): it copies the files each
 * function's trace lists into its own folder, as a serverless host packages them, so the test can run
 * the app with nothing else. Read here because it shapes the build, not the server (which never sees it);
 * always on, it would make the README's `next start` warn.
 */
const STANDALONE_BUILD = process.env.STANDALONE_BUILD === "1";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A separate build folder lets the benchmark and parallel test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  ...(STANDALONE_BUILD ? { output: "standalone" } : {}),
  pageExtensions: BENCH_BUILD ? [...PAGE_EXTENSIONS, "bench.ts"] : PAGE_EXTENSIONS,
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only store drivers stay out of the server bundle.
  serverExternalPackages: ["libsql", "redis"],
  // Content is read from disk at run time by dynamic routes (the quiz); ship it with every function.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // Reads from the working directory make the tracer list the whole project; the benchmark's sources never ship.
  outputFileTracingExcludes: { "/**": ["./bench/**/*", "./app/api/bench/**/*"] },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NOTHING_ALLOWED_POLICY }] },
      // Build assets skip proxy.ts (kept fast); a missing one's 404 still gets a policy.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: NOTHING_ALLOWED_POLICY }] },
      {
        source: "/og/:path*",
        headers: [
          { key: "Content-Security-Policy", value: NOTHING_ALLOWED_POLICY },
          // Link previews are drawn by other sites' apps: let them show the card (a later rule wins).
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;

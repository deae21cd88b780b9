// @ts-check

/**
 * Security headers on every response (see lib/security/ for why each is
 * set). Pages get their Content-Security-Policy from proxy.ts, because it
 * differs per page and per request; everything else is not a document and
 * may load and run nothing.
 */
const SECURITY_HEADERS = [
  // Ignored by browsers over plain http; on https, two years, ready for the preload list.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // Powerful features the site never uses, off for it and anything it might embed.
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
      "microphone=(), payment=(), usb=()",
  },
];
const NOTHING_ALLOWED_POLICY = "default-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

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

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

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A separate build folder lets the benchmark and parallel test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only store drivers stay out of the server bundle.
  serverExternalPackages: ["libsql", "redis"],
  // Content is read from disk at run time by dynamic routes (the quiz); ship it with every function.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
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

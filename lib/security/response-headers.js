// @ts-check

/**
 * Security headers on every response (see lib/security/ for why each is
 * set), in CommonJS so that next.config.js, which sets them on Next's
 * responses, and lib/http/request-gate.ts, which answers some requests
 * before Next, share one list. Pages get their Content-Security-Policy
 * from proxy.ts, because it differs per page and per request; everything
 * else is not a document and may load and run nothing.
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

module.exports = { SECURITY_HEADERS, NOTHING_ALLOWED_POLICY };

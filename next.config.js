// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only store drivers stay out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "redis"],
};

module.exports = nextConfig;

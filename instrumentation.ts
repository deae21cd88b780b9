/** Runs once when a Next.js server starts; see lib/startup.ts. */
export async function register(): Promise<void> {
  // Next.js inlines NEXT_RUNTIME, so the Edge build drops this branch and its Node-only import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentAtStartup, preloadClientKeySecret } = await import("@/lib/startup");
    const { appendPeerAddressToForwardedFor } = await import("@/lib/http/peer-address");
    const { gateRequestsBeforeNext } = await import("@/lib/http/request-gate");
    checkEnvironmentAtStartup();
    appendPeerAddressToForwardedFor();
    gateRequestsBeforeNext();
    preloadClientKeySecret();
  }
}

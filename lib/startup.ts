import { describeStore, env } from "@/lib/env";

/**
 * Server start (Node.js runtime only, from instrumentation.ts): checks the
 * environment so that a half-configured store — a KV URL without its token,
 * Vercel without KV… — stops the server with a message instead of failing
 * request by request.
 *
 * Exiting is deliberate: `next start` only logs a failing register() and then
 * answers every request with a 500.
 */
export function checkEnvironmentAtStartup(): void {
  try {
    console.info(`store configured: ${describeStore(env().store)}`);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * Reads the client-key secret before the first request instead of during
 * it, so no request pays that round trip (it recurs once a month per
 * process; lib/security/client-keys.ts). Best effort: with the store down at
 * start, the first request that needs the secret reads it, as it would
 * without this.
 */
export function preloadClientKeySecret(): void {
  void (async () => {
    const [{ getStore }, { loadClientKeySecret }] = await Promise.all([import("@/lib/store"), import("@/lib/security/client-keys")]);
    await loadClientKeySecret(await getStore());
  })().catch(() => undefined);
}

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

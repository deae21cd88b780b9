// @ts-check
import { createRequire } from "node:module";
import path from "node:path";
import { HASHES_FILE, writeCspHashes } from "../lib/security/build-hashes.mjs";

/** `npm run build`'s second step: the hashes of the prerendered pages' inline scripts, for proxy.ts (see the module). */
// The build's own setting (NEXT_DIST_DIR, read by next.config.js), so this writes where `next build` did.
const { distDir = ".next" } = createRequire(import.meta.url)(path.resolve("next.config.js"));
const count = await writeCspHashes(process.cwd(), distDir);
console.info(`Content-Security-Policy: hashes of ${count} prerendered pages written to ${path.join(distDir, "server", HASHES_FILE)}`);

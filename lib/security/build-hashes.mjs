// @ts-check
import { createHash } from "node:crypto";
import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * After `next build` (scripts/csp-hashes.mjs, run by `npm run build`): writes the hashes of every
 * prerendered page's inline scripts and styles into one file beside the
 * proxy, and lists that file in the proxy's trace. A serverless host ships
 * the proxy only the files its trace lists, so the proxy never reads the
 * build's HTML at run time: without this file it could only fall back to
 * 'unsafe-inline'. Plain JavaScript, because the build step runs it with
 * `node` alone (types in build-hashes.d.mts).
 */

/** Beside the proxy's bundle, in `<distDir>/server/`. */
export const HASHES_FILE = "csp-hashes.json";
/**
 * The outage page, which the proxy answers with itself (lib/http/store-gate.ts):
 * its HTML goes into the file too, so the proxy reads nothing else of the build.
 */
export const OUTAGE_PAGE = "/unavailable";
/** The trace of proxy.ts (Next 16 still names its bundle middleware.js); paths in it are relative to its folder. */
const PROXY_TRACE = "middleware.js.nft.json";

// Script and style are raw-text elements: their text runs to the first
// closing tag, and React escapes "<" inside the payloads it inlines.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** @param {string} text */
const sha256 = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

/** @param {string} html @param {RegExp} element */
const hashesOf = (html, element) => [...new Set([...html.matchAll(element)].map((match) => sha256(match[1] ?? "")))];

/**
 * CSP hash sources of every inline script and style element in a prerendered page.
 * @param {string} html
 * @returns {{ scripts: string[]; styles: string[] }}
 */
export function inlineHashes(html) {
  return { scripts: hashesOf(html, INLINE_SCRIPT), styles: hashesOf(html, INLINE_STYLE) };
}

const prerenderManifest = z.object({
  routes: z.record(z.string(), z.object({ routeType: z.string().optional(), initialRevalidateSeconds: z.unknown() })),
});

/**
 * Pages prerendered once and never revalidated (a regenerated page would
 * need new hashes), by path, with the hashes of their own HTML (and the
 * outage page's HTML itself).
 * @param {string} distDir
 * @returns {Promise<Record<string, { scripts: string[]; styles: string[]; html?: string }>>}
 */
export async function prerenderedPageHashes(distDir) {
  const manifest = prerenderManifest.parse(JSON.parse(await readFile(path.join(distDir, "prerender-manifest.json"), "utf8")));
  /** @type {Record<string, { scripts: string[]; styles: string[]; html?: string }>} */
  const pages = {};
  for (const [route, entry] of Object.entries(manifest.routes)) {
    if (entry.routeType !== "page" || entry.initialRevalidateSeconds !== false) continue;
    const file = path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);
    // A page without its HTML file is rendered on request, and gets a nonce.
    const html = await readFile(file, "utf8").catch(() => undefined);
    if (html !== undefined) pages[route] = { ...inlineHashes(html), ...(route === OUTAGE_PAGE ? { html } : {}) };
  }
  return pages;
}

/** @param {string} file */
const exists = (file) => stat(file).then(() => true, () => false);

/**
 * Writes the hashes file into `<distDir>/server/`, adds it to the proxy's
 * trace, and copies it into the standalone output when there is one (that
 * folder was assembled from the traces during `next build`, before this ran).
 * @param {string} projectDir the app's folder, which `next build` ran in
 * @param {string} distDir next.config.js's `distDir`, relative to it
 * @returns {Promise<number>} how many pages got hashes
 */
export async function writeCspHashes(projectDir, distDir) {
  const built = path.join(projectDir, distDir);
  const pages = await prerenderedPageHashes(built);
  const serverDir = path.join(built, "server");
  const hashesFile = path.join(serverDir, HASHES_FILE);
  await writeFile(hashesFile, JSON.stringify(pages));

  const tracePath = path.join(serverDir, PROXY_TRACE);
  const trace = z.object({ files: z.array(z.string()) }).loose().parse(JSON.parse(await readFile(tracePath, "utf8")));
  // Next 16 also lists a content hash per file (`fileHashes`, same order): the added file, last, has none, which
  // Next's reader of traces accepts (next/dist/build/nft.js: the hash is then undefined).
  if (!trace.files.includes(HASHES_FILE)) await writeFile(tracePath, JSON.stringify({ ...trace, files: [...trace.files, HASHES_FILE] }));

  const standaloneServer = path.join(built, "standalone", distDir, "server");
  if (await exists(standaloneServer)) await copyFile(hashesFile, path.join(standaloneServer, HASHES_FILE));
  return Object.keys(pages).length;
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";
import { inlineHashes, type InlineHashes } from "./inline-hashes";

/**
 * Hashes of the inline scripts and styles of every page `next build`
 * prerendered. Those pages are served as files, so no nonce can reach
 * them; their policy lists what their own HTML contains instead. Read
 * once per server from the build output, which does not change while it
 * runs (no page revalidates: a regenerated page would need new hashes).
 */

const prerenderManifest = z.object({
  routes: z.record(z.string(), z.object({ routeType: z.string().optional(), initialRevalidateSeconds: z.unknown() })),
});

/** Path of the 404 page's prerendered HTML, served for any unknown path. */
export const NOT_FOUND_ROUTE = "/_not-found";

/**
 * Pages prerendered once and never revalidated, by path, from the build
 * output in `distDir`; null when that output cannot be read in production
 * (a host that does not ship it to the proxy), so the caller can fall back
 * to a policy that keeps pages working instead of blocking their scripts.
 */
export async function readPrerenderedPages({ distDir, development }: { distDir: string; development: boolean }): Promise<Map<string, InlineHashes> | null> {
  const pages = new Map<string, InlineHashes>();
  // `next dev` renders every page per request (and may share the folder with a production build).
  if (development) return pages;
  let manifest: z.infer<typeof prerenderManifest>;
  try {
    manifest = prerenderManifest.parse(JSON.parse(await readFile(path.join(distDir, "prerender-manifest.json"), "utf8")));
  } catch (error) {
    // Without it no page can be told apart: say so loudly, and let the caller degrade.
    console.error(`No prerender manifest in ${distDir}: pages get a Content-Security-Policy that allows inline scripts`, error);
    return null;
  }
  for (const [route, entry] of Object.entries(manifest.routes)) {
    if (entry.routeType !== "page" || entry.initialRevalidateSeconds !== false) continue;
    const file = path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);
    // A page without its HTML file is rendered on request, and gets a nonce.
    const html = await readFile(file, "utf8").catch(() => undefined);
    if (html !== undefined) pages.set(route, inlineHashes(html));
  }
  return pages;
}

let loaded: Promise<Map<string, InlineHashes> | null> | undefined;

/** The prerendered pages by path, with the hashes their policy must allow. */
export function prerenderedPages(): Promise<Map<string, InlineHashes> | null> {
  loaded ??= readPrerenderedPages(env());
  return loaded;
}

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

/** Pages prerendered once and never revalidated, by path, from the build output in `distDir`. */
export async function readPrerenderedPages({ distDir, development }: { distDir: string; development: boolean }): Promise<Map<string, InlineHashes>> {
  const pages = new Map<string, InlineHashes>();
  // `next dev` renders every page per request (and may share the folder with a production build).
  if (development) return pages;
  let manifest: z.infer<typeof prerenderManifest>;
  try {
    manifest = prerenderManifest.parse(JSON.parse(await readFile(path.join(distDir, "prerender-manifest.json"), "utf8")));
  } catch (error) {
    // Without it prerendered pages would not hydrate under a nonce-only policy: say so loudly.
    console.error(`No prerender manifest in ${distDir}: prerendered pages will not run their scripts`, error);
    return pages;
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

let loaded: Promise<Map<string, InlineHashes>> | undefined;

/** The prerendered pages by path, with the hashes their policy must allow. */
export function prerenderedPages(): Promise<Map<string, InlineHashes>> {
  loaded ??= readPrerenderedPages(env());
  return loaded;
}

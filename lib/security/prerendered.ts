import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";
import { HASHES_FILE, type PrerenderedPage } from "./build-hashes.mjs";

/**
 * Hashes of the inline scripts and styles of every page `next build`
 * prerendered. Those pages are served as files, so no nonce can reach
 * them; their policy lists what their own HTML contains instead. Read
 * once per server from the one file `npm run build` writes beside the
 * proxy and lists in its trace (build-hashes.mjs), so a serverless host
 * ships it with the proxy; nothing else of the build is read at run time.
 */

const hashesFile = z.record(z.string(), z.object({ scripts: z.array(z.string()), styles: z.array(z.string()), html: z.string().optional() }));

/** Path of the 404 page's prerendered HTML, served for any unknown path. */
export const NOT_FOUND_ROUTE = "/_not-found";

/**
 * Pages prerendered once and never revalidated, by path; null when the
 * hashes are missing in production (a build made with `next build` alone),
 * so the caller can fall back to a policy that keeps pages working instead
 * of blocking their scripts.
 */
export async function readPrerenderedPages({ distDir, development }: { distDir: string; development: boolean }): Promise<Map<string, PrerenderedPage> | null> {
  // `next dev` renders every page per request (and may share the folder with a production build).
  if (development) return new Map();
  const file = path.join(distDir, "server", HASHES_FILE);
  try {
    return new Map(Object.entries(hashesFile.parse(JSON.parse(await readFile(file, "utf8")))));
  } catch (error) {
    // Say so loudly, and let the caller degrade.
    console.error(`No hashes in ${file} (build with \`npm run build\`): pages get a Content-Security-Policy that allows inline scripts`, error);
    return null;
  }
}

let loaded: Promise<Map<string, PrerenderedPage> | null> | undefined;

/** The prerendered pages by path, with the hashes their policy must allow. */
export function prerenderedPages(): Promise<Map<string, PrerenderedPage> | null> {
  loaded ??= readPrerenderedPages(env());
  return loaded;
}

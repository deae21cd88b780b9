import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeStore, getStore, type Store } from "@/lib/store";

/**
 * The app's own store (the `getStore()` the routes use) on an embedded
 * database in a fresh temporary DATA_DIR. The environment is set before
 * lib/env.ts first reads it (it does so lazily, on the first getStore()),
 * and any Redis or KV configuration of the shell is removed, so the routes
 * under test can only reach this store.
 */
export async function openAppStore(label: string): Promise<{ store: Store; dataDir: string; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  process.env.DATA_DIR = dataDir;
  for (const name of ["REDIS_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "VERCEL", "NEXT_PUBLIC_SITE_URL"]) delete process.env[name];
  const store = await getStore();
  return {
    store,
    dataDir,
    close: async () => {
      await closeStore();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inlineHashes } from "@/lib/security/inline-hashes";
import { readPrerenderedPages } from "@/lib/security/prerendered";

/** A build output folder as `next build` leaves it: the prerender manifest and each page's HTML. */
function buildOutput(routes: Record<string, { routeType: string; initialRevalidateSeconds: number | false }>, html: Record<string, string>) {
  const distDir = mkdtempSync(path.join(tmpdir(), "csp-build-"));
  writeFileSync(path.join(distDir, "prerender-manifest.json"), JSON.stringify({ version: 4, routes }));
  for (const [file, body] of Object.entries(html)) {
    mkdirSync(path.dirname(path.join(distDir, "server", "app", file)), { recursive: true });
    writeFileSync(path.join(distDir, "server", "app", file), body);
  }
  return distDir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe("readPrerenderedPages", () => {
  it("hashes the HTML of pages built once, and leaves revalidated pages and route handlers to the nonce", async () => {
    const home = "<script>self.__next_f.push([0])</script>";
    const glossary = "<script>self.__next_f.push([1])</script>";
    const distDir = buildOutput(
      {
        "/": { routeType: "page", initialRevalidateSeconds: false },
        "/glossary": { routeType: "page", initialRevalidateSeconds: false },
        "/news": { routeType: "page", initialRevalidateSeconds: 60 },
        "/robots.txt": { routeType: "route", initialRevalidateSeconds: false },
      },
      { "index.html": home, "glossary.html": glossary, "news.html": "<script>1</script>" },
    );
    dirs.push(distDir);
    const pages = await readPrerenderedPages({ distDir, development: false });
    expect([...(pages?.keys() ?? [])]).toEqual(["/", "/glossary"]);
    expect(pages?.get("/")).toEqual(inlineHashes(home));
    expect(pages?.get("/glossary")).toEqual(inlineHashes(glossary));
  });

  it("ignores a production build next dev shares the folder with: dev renders every page per request", async () => {
    const distDir = buildOutput({ "/": { routeType: "page", initialRevalidateSeconds: false } }, { "index.html": "<script>1</script>" });
    dirs.push(distDir);
    expect((await readPrerenderedPages({ distDir, development: true }))?.size).toBe(0);
  });

  it("reports an unreadable build output in production, so the proxy can fall back", async () => {
    const distDir = mkdtempSync(path.join(tmpdir(), "csp-build-"));
    dirs.push(distDir);
    const complaint = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await readPrerenderedPages({ distDir, development: false })).toBeNull();
    expect(complaint).toHaveBeenCalledOnce();
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HASHES_FILE, inlineHashes, OUTAGE_PAGE, writeCspHashes } from "@/lib/security/build-hashes.mjs";
import { readPrerenderedPages } from "@/lib/security/prerendered";

/** A build output folder as `next build` leaves it: the prerender manifest, each page's HTML, the proxy's trace. */
function buildOutput(routes: Record<string, { routeType: string; initialRevalidateSeconds: number | false }>, html: Record<string, string>) {
  const projectDir = mkdtempSync(path.join(tmpdir(), "csp-build-"));
  dirs.push(projectDir);
  const distDir = path.join(projectDir, ".next");
  mkdirSync(path.join(distDir, "server"), { recursive: true });
  writeFileSync(path.join(distDir, "prerender-manifest.json"), JSON.stringify({ version: 4, routes }));
  for (const [file, body] of Object.entries(html)) {
    mkdirSync(path.dirname(path.join(distDir, "server", "app", file)), { recursive: true });
    writeFileSync(path.join(distDir, "server", "app", file), body);
  }
  writeFileSync(path.join(distDir, "server", "middleware.js.nft.json"), JSON.stringify({ version: 1, files: ["chunks/proxy.js"] }));
  return { projectDir, distDir };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const home = "<script>self.__next_f.push([0])</script>";
const glossary = "<script>self.__next_f.push([1])</script><style>p{}</style>";
const routes = {
  "/": { routeType: "page", initialRevalidateSeconds: false },
  "/glossary": { routeType: "page", initialRevalidateSeconds: false },
  "/news": { routeType: "page", initialRevalidateSeconds: 60 },
  "/robots.txt": { routeType: "route", initialRevalidateSeconds: false },
} as const;

describe("the hashes written after the build", () => {
  it("hash the HTML of pages built once, and leave revalidated pages and route handlers to the nonce", async () => {
    const { projectDir, distDir } = buildOutput(routes, { "index.html": home, "glossary.html": glossary, "news.html": "<script>1</script>" });
    expect(await writeCspHashes(projectDir, ".next")).toBe(2);
    const pages = await readPrerenderedPages({ distDir, development: false });
    expect([...(pages?.keys() ?? [])]).toEqual(["/", "/glossary"]);
    expect(pages?.get("/")).toEqual(inlineHashes(home));
    expect(pages?.get("/glossary")).toEqual(inlineHashes(glossary));
  });

  it("carry the outage page's HTML, which the proxy answers with itself, and no other page's", async () => {
    const outage = "<main><h1>Briefly unavailable</h1></main><script>self.__next_f.push([2])</script>";
    const withOutage = { ...routes, [OUTAGE_PAGE]: { routeType: "page", initialRevalidateSeconds: false } } as const;
    const { projectDir, distDir } = buildOutput(withOutage, { "index.html": home, "unavailable.html": outage });
    await writeCspHashes(projectDir, ".next");
    const pages = await readPrerenderedPages({ distDir, development: false });
    expect(pages?.get(OUTAGE_PAGE)).toEqual({ ...inlineHashes(outage), html: outage });
    expect(pages?.get("/")).toEqual(inlineHashes(home));
  });

  it("are listed in the proxy's trace, once, so a serverless host ships them with it", async () => {
    const { projectDir, distDir } = buildOutput(routes, { "index.html": home });
    await writeCspHashes(projectDir, ".next");
    await writeCspHashes(projectDir, ".next");
    const trace = JSON.parse(readFileSync(path.join(distDir, "server", "middleware.js.nft.json"), "utf8")) as { version: number; files: string[] };
    expect(trace).toEqual({ version: 1, files: ["chunks/proxy.js", HASHES_FILE] });
  });

  it("are copied into the standalone output, which was assembled before they existed", async () => {
    const { projectDir, distDir } = buildOutput(routes, { "index.html": home });
    const standaloneServer = path.join(distDir, "standalone", ".next", "server");
    mkdirSync(standaloneServer, { recursive: true });
    await writeCspHashes(projectDir, ".next");
    expect(readFileSync(path.join(standaloneServer, HASHES_FILE), "utf8")).toBe(readFileSync(path.join(distDir, "server", HASHES_FILE), "utf8"));
  });
});

describe("readPrerenderedPages", () => {
  it("ignores a production build next dev shares the folder with: dev renders every page per request", async () => {
    const { projectDir, distDir } = buildOutput(routes, { "index.html": home });
    await writeCspHashes(projectDir, ".next");
    expect((await readPrerenderedPages({ distDir, development: true }))?.size).toBe(0);
  });

  it("reports a build without the hashes (made with `next build` alone) in production, so the proxy can fall back", async () => {
    const { distDir } = buildOutput(routes, { "index.html": home });
    const complaint = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await readPrerenderedPages({ distDir, development: false })).toBeNull();
    expect(complaint).toHaveBeenCalledOnce();
  });
});

import { expect, test, type APIRequestContext } from "@playwright/test";
import { playByApi } from "./sharing-support";
import { sitemapPaths } from "./support";

/**
 * Link previews, as a crawler sees them: HTML fetched without running any
 * JavaScript. Every page of the built site (the sitemap, everything it
 * links to, and a played result's private and public pages) carries the
 * complete Open Graph and Twitter tags, and every image they name is a
 * 1200×630 PNG under 300 kB.
 */

const REQUIRED = [
  "og:title",
  "og:description",
  "og:url",
  "og:type",
  "og:image",
  "og:image:width",
  "og:image:height",
  "twitter:card",
  "twitter:image",
] as const;

const decode = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The og:/twitter: meta tags of a page: name → every content given for it. */
function previewTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [tag] of html.matchAll(/<meta\s[^>]*>/g)) {
    const name = /(?:property|name)="((?:og|twitter):[^"]+)"/.exec(tag)?.[1];
    const content = /content="([^"]*)"/.exec(tag)?.[1];
    if (name && content !== undefined) tags.set(name, [...(tags.get(name) ?? []), decode(content)]);
  }
  return tags;
}

/** Every HTML page reachable from the sitemap, by path. */
async function crawl(request: APIRequestContext, start: string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const queue = [...start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    pages.set(path, html);
    for (const [, href] of html.matchAll(/<a [^>]*href="([^"]+)"/g)) {
      if (!href || /^(https?:|mailto:)/.test(href)) continue;
      const { pathname } = new URL(decode(href), `http://site${path}`);
      if (!seen.has(pathname) && !pathname.startsWith("/api/")) {
        seen.add(pathname);
        queue.push(pathname);
      }
    }
  }
  return pages;
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("every page unfurls with complete tags and a 1200×630 PNG under 300 kB", async ({ request, baseURL }) => {
  test.slow();
  const played = await playByApi(request);
  const pages = await crawl(request, [
    ...(await sitemapPaths(request)),
    `/quiz/results/${played.attemptId}`,
    `/quiz/share/${played.shareId}`,
  ]);
  expect(pages.size).toBeGreaterThan(20);

  const problems: string[] = [];
  const images = new Set<string>();
  for (const [path, html] of pages) {
    const tags = previewTags(html);
    const one = (name: string) => tags.get(name)?.[0] ?? "";
    for (const name of REQUIRED) if (!one(name).trim()) problems.push(`${path}: no ${name}`);
    if (one("og:url") !== new URL(path, baseURL).href.replace(/\/$/, "")) problems.push(`${path}: og:url is ${one("og:url")}`);
    if (one("twitter:card") !== "summary_large_image") problems.push(`${path}: twitter:card is ${one("twitter:card")}`);
    if (one("og:image:width") !== "1200" || one("og:image:height") !== "630") problems.push(`${path}: og:image is not 1200×630`);
    for (const url of [...(tags.get("og:image") ?? []), ...(tags.get("twitter:image") ?? [])]) {
      if (!/^https?:\/\//.test(url)) problems.push(`${path}: image URL ${url} is not absolute`);
      else images.add(url);
    }
  }
  expect(problems).toEqual([]);

  // Home, timeline, quiz, six explainers and the result, at least.
  expect(images.size).toBeGreaterThanOrEqual(10);
  // An invite image is drawn only for a session's code that exists.
  const session = await request.post("/api/classroom/sessions", { data: { mode: "homework", length: 5 } });
  const { code } = (await session.json()) as { code: string };
  for (const url of [...images, new URL(`/og/classroom/${code}`, baseURL).href]) {
    await test.step(url, async () => {
      const response = await request.get(url);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const bytes = await response.body();
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
      expect(bytes.byteLength).toBeLessThan(300 * 1024);
    });
  }
});

test("a result's image is cached for good under its versioned URL, briefly under any other; unknown ones are 404", async ({ request }) => {
  const { shareId } = await playByApi(request);
  const html = await (await request.get(`/quiz/share/${shareId}`)).text();
  const image = previewTags(html).get("og:image")?.[0] ?? "";
  expect(image).toContain(`/og/result/${shareId}?v=`);
  expect((await request.get(image)).headers()["cache-control"]).toContain("immutable");
  const stale = await request.get(`/og/result/${shareId}?v=old`);
  expect(stale.status()).toBe(200);
  expect(stale.headers()["cache-control"]).not.toContain("immutable");
  expect((await request.get("/og/result/AAAAAAAAAAAAAAAA")).status()).toBe(404);
  // A classroom invitation draws only codes of the classroom's own shape.
  expect((await request.get("/og/classroom/not-a-join-code")).status()).toBe(404);
});

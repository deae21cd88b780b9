import { expect, test } from "@playwright/test";
import { sitemapPaths } from "./support";

/** Every internal link on every page resolves, and every #anchor exists on its target page. */
test("the crawl of the built site finds no broken link", async ({ request }) => {
  test.slow();
  const pages = new Map<string, string>();
  const queue = await sitemapPaths(request);
  const seen = new Set(queue);
  const broken: string[] = [];
  const links: { from: string; path: string; hash: string }[] = [];

  while (queue.length > 0) {
    const path = queue.shift() as string;
    const response = await request.get(path);
    if (response.status() !== 200) {
      broken.push(`${path} answered ${response.status()}`);
      continue;
    }
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    pages.set(path, html);
    for (const [, href] of html.matchAll(/<a [^>]*href="([^"]+)"/g)) {
      if (!href || /^(https?:|mailto:)/.test(href)) continue;
      const url = new URL(href.replaceAll("&amp;", "&"), `http://site${path}`);
      links.push({ from: path, path: url.pathname, hash: url.hash.slice(1) });
      // Personal, per-attempt pages are reached by playing, not by crawling.
      if (!seen.has(url.pathname) && !url.pathname.startsWith("/api/")) {
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
  }

  for (const link of links) {
    const html = pages.get(link.path);
    if (!html) continue;
    if (link.hash && !html.includes(`id="${decodeURIComponent(link.hash)}"`)) {
      broken.push(`${link.from} → ${link.path}#${link.hash}: no such anchor`);
    }
  }
  expect(pages.size).toBeGreaterThan(15);
  expect([...new Set(broken)]).toEqual([]);
});

import { chromium, devices, type Browser, type Request } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser";

/**
 * Page weight: what a phone downloads for one page with a cold cache —
 * compressed body bytes by kind (the `Accept-Encoding` is Chromium's own),
 * counted until the network has been idle. Scripts requested before the
 * `load` event are the page's own (`js`); those requested later are
 * Next.js prefetching the pages that links in view lead to (`jsPrefetched`),
 * reported apart: they are spent on the next page, not on this one.
 * tests/e2e/page-weight.crawl.ts weighs pages with the same code.
 */

export interface PageWeight {
  /** Scripts requested before the load event: the page's own. */
  js: number;
  /** Scripts requested after it: Next.js prefetching linked pages. */
  jsPrefetched: number;
  css: number;
  html: number;
  other: number;
  requests: number;
  scripts: { url: string; bytes: number; prefetched: boolean }[];
  uncompressed: string[];
}

export interface WeighedPage {
  name: string;
  url: string;
  cookie?: string;
}

const KIND = { script: "js", stylesheet: "css", document: "html" } as const;
const COMPRESSIBLE = new Set(["script", "stylesheet", "document"]);

export async function weigh(browser: Browser, { url, cookie }: WeighedPage): Promise<PageWeight> {
  const context = await browser.newContext({ ...devices["Galaxy S9+"] });
  if (cookie) {
    const [name = "", value = ""] = cookie.split("=");
    await context.addCookies([{ name, value, url }]);
  }
  const page = await context.newPage();
  const weight: PageWeight = { js: 0, jsPrefetched: 0, css: 0, html: 0, other: 0, requests: 0, scripts: [], uncompressed: [] };
  const pending: Promise<void>[] = [];
  let loaded = false;
  const afterLoad = new Set<Request>();
  page.on("load", () => (loaded = true));
  page.on("request", (request) => {
    if (loaded) afterLoad.add(request);
  });
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const type = request.resourceType();
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const bytes = sizes.responseBodySize;
        const prefetched = afterLoad.has(request);
        const kind = type === "script" && prefetched ? "jsPrefetched" : (KIND[type as keyof typeof KIND] ?? "other");
        weight[kind] += bytes;
        weight.requests += 1;
        if (type === "script") weight.scripts.push({ url: new URL(request.url()).pathname, bytes, prefetched });
        const encoding = response ? await response.headerValue("content-encoding") : null;
        if (COMPRESSIBLE.has(type) && bytes > 1024 && !encoding) weight.uncompressed.push(new URL(request.url()).pathname);
      })(),
    );
  });
  try {
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    // Idle-time work (prefetching links in view) starts after load; give it time to show up.
    await page.waitForTimeout(1_000);
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  weight.scripts.sort((a, b) => b.bytes - a.bytes);
  return weight;
}

/** Weighs each page in a fresh browser context (cold cache). */
export async function measurePageWeights(pages: WeighedPage[]): Promise<Record<string, PageWeight>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const results: Record<string, PageWeight> = {};
    for (const page of pages) results[page.name] = await weigh(browser, page);
    return results;
  } finally {
    await browser.close();
  }
}

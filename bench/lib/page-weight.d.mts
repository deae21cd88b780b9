// Types for page-weight.mjs, which tests/e2e/page-weight.crawl.ts shares with the bench (the project does not check JS).
import type { Browser } from "@playwright/test";

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

export function weigh(browser: Browser, target: WeighedPage): Promise<PageWeight>;
export function measurePageWeights(pages: WeighedPage[]): Promise<Record<string, PageWeight>>;

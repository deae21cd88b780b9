import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium every browser measurement uses, Lighthouse included:
 * Debian's when it is there (browsers cannot be downloaded on every
 * machine), Playwright's otherwise. Background networking is off so that
 * nothing but the page goes on the wire.
 */
export const CHROMIUM_PATH = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : chromium.executablePath();

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-default-apps",
  "--disable-sync",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions",
];

import { test } from "@playwright/test";
import { expectPagesAccessible, sitemapPaths } from "./support";

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page passes axe and fits the screen (${colorScheme} mode)`, async ({ page, request }) => {
    // Some forty pages, each loaded and run through axe: the time a shared machine needs grows with the site.
    test.setTimeout(300_000);
    // Plus the 404 page, and the page shown in place of the quiz and classroom while the store is down.
    const paths = [...(await sitemapPaths(request)), "/this-page-does-not-exist", "/unavailable"];
    await page.emulateMedia({ colorScheme });
    await expectPagesAccessible(page, paths);
  });
}

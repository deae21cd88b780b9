import { test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, sitemapPaths } from "./support";

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page passes axe and fits the screen (${colorScheme} mode)`, async ({ page, request }) => {
    test.slow();
    const paths = [...(await sitemapPaths(request)), "/this-page-does-not-exist"];
    await page.emulateMedia({ colorScheme });
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(path);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      });
    }
  });
}

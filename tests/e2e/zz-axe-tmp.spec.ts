import { test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";
for (const colorScheme of ["light", "dark"] as const) {
  test(`axe ${colorScheme}`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    for (const path of ["/updates", "/explainers/the-three-meetings", "/people", "/glossary", "/timeline"]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      });
    }
  });
}

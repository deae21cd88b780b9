import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** Paths of every page the sitemap lists, relative to the site. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
}

/** WCAG 2.2 A/AA checks with axe; fails with the rule ids and the offending elements. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Each path in turn, one step per page: axe, then no sideways scrolling. */
export async function expectPagesAccessible(page: Page, paths: readonly string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    });
  }
}

/** Fails when the page is wider than the viewport (horizontal scrolling on a phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page scrolls sideways at ${page.viewportSize()?.width}px`).toBeLessThanOrEqual(0);
}

/** The heading of question n: "Question n of N" and the prompt, in one h2. */
export const questionHeading = (page: Page, n: number, of: number) => page.getByRole("heading", { level: 2, name: new RegExp(`^Question ${n} of ${of}\\b`) });

/** Where the heading starts on screen and whether it has focus, as a screen reader user and a reader would meet it. */
export async function expectQuestionOnTop(page: Page, n: number, of: number) {
  const heading = questionHeading(page, n, of);
  await expect(heading).toBeFocused();
  const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
  expect(top, `question ${n} starts ${top}px from the top of the screen`).toBeGreaterThanOrEqual(0);
  expect(top, `question ${n} starts ${top}px from the top of the screen`).toBeLessThanOrEqual(80);
}

/** With README_SCREENSHOTS=1, saves what the page shows as one of the README's screenshots (docs/screenshots). */
export async function readmeScreenshot(page: Page, name: string) {
  if (process.env.README_SCREENSHOTS !== "1") return;
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** An address of its own in the benchmarking range (198.18.0.0/15): the test server trusts one proxy hop, as behind nginx. */
export function networkOfItsOwn(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `198.18.${octet()}.${octet()}`;
}

/** The note a stale tab shows when its question was answered in another tab (beside an ordering question's own status line). */
export const staleTabNote = (page: Page) => page.getByRole("status").filter({ hasText: "already answered in another tab" });

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { contentCurrency, newestFactDate } from "../../lib/content/currency";
import { expectPagesAccessible } from "./support";

/**
 * The currency notice on the timeline, the explainers and the quiz's start
 * page (never mid-quiz), and the "what we know" box at the end of each
 * explainer: shown, sourced, accessible at 320 px and in both colour schemes.
 */

const timeline = JSON.parse(readFileSync("content/timeline.json", "utf8")) as { date: string; endDate?: string }[];
// The server under test was built moments ago (the timeline and explainers) and renders /quiz now: both are today.
const currency = contentCurrency(newestFactDate(timeline), new Date());

const NOTICE_PAGES = ["/timeline", "/timeline/russia", "/explainers/the-three-meetings", "/quiz"];

const notice = (page: Page) => page.getByRole("note").filter({ hasText: "This site is current to" });

for (const path of NOTICE_PAGES) {
  test(`${path} says what date the site is current to once the newest fact is over 90 days old`, async ({ page }) => {
    await page.goto(path);
    if (!currency.stale) {
      await expect(notice(page)).toHaveCount(0);
      return;
    }
    await expect(notice(page)).toBeVisible();
    await expect(notice(page).locator("time")).toHaveAttribute("datetime", currency.currentTo);
  });
}

test("the notice stays off a question in the middle of a quiz", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 2, name: /^Question 1 of / })).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});

test("an explainer ends with what we know, what we don't, and both counts of a dispute", async ({ page }) => {
  await page.goto("/explainers/north-korea-and-russia");
  const box = page.getByRole("region", { name: /^What we know/ });
  await expect(box).toBeVisible();
  for (const name of ["What we know", "What we don’t know", "Disputed"]) {
    await expect(box.getByRole("heading", { level: 3, name })).toBeVisible();
  }
  await expect(box.getByRole("heading", { level: 4, name: /How many of the North Korean troops in Kursk were killed or wounded/ })).toBeVisible();
  await expect(box.getByRole("term")).toContainText(["Ukraine", "South Korea"]);
  // Every point names a source the reader can open.
  const hrefs = await box.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  // After the prose, before the quiz prompt.
  const after = await page.locator(".prose").evaluate((prose) => {
    const box = document.getElementById("what-we-know-heading")?.closest("section");
    return box !== null && box !== undefined && Boolean(prose.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(after).toBe(true);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the notice and the box pass axe and fit the screen (${colorScheme} mode)`, async ({ page }) => {
    // Four pages through axe: on a shared machine that takes longer than one test's default 30 s.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await expectPagesAccessible(page, NOTICE_PAGES);
  });
}

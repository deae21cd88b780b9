import { expect, test } from "@playwright/test";

test("a reader goes from the home page to an explainer and follows a citation to its source", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trump and Kim, explained");
  await expect(page.getByRole("heading", { level: 2, name: /^Where things stand/ })).toBeVisible();

  await page.getByRole("link", { name: "The three meetings", exact: false }).first().click();
  await expect(page).toHaveURL(/\/explainers\/the-three-meetings$/);
  await expect(page.getByRole("heading", { name: "Key takeaways" })).toBeVisible();

  const citation = page.locator(".prose sup.cite a").first();
  const target = await citation.getAttribute("href");
  expect(target).toMatch(/^#source-\d+$/);
  await citation.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  const source = page.locator(target ?? "");
  await expect(source).toBeInViewport();
  const sourceLink = source.getByRole("link");
  await expect(sourceLink).toHaveAttribute("href", /^https?:\/\//);
});

test("a link to a single timeline event lands on that event", async ({ page }) => {
  await page.goto("/timeline");
  const firstEvent = page.locator("li.timeline-event").nth(5);
  const id = await firstEvent.getAttribute("id");
  expect(id).toBeTruthy();
  await page.goto(`/timeline#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test("the timeline filters by category through plain links", async ({ page }) => {
  await page.goto("/timeline");
  const all = await page.locator("li.timeline-event").count();
  expect(all).toBeGreaterThanOrEqual(30);
  await page.getByRole("link", { name: "Meetings" }).click();
  await expect(page).toHaveURL(/\/timeline\/summit$/);
  await expect(page.getByRole("link", { name: "Meetings" })).toHaveAttribute("aria-current", "page");
  const filtered = await page.locator("li.timeline-event").count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  await expect(page.locator(".timeline-event .tag").filter({ hasNotText: "Meetings" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the timeline and an explainer read in full", async ({ page }) => {
    await page.goto("/timeline");
    expect(await page.locator("li.timeline-event").count()).toBeGreaterThanOrEqual(30);
    await page.getByRole("link", { name: "Meetings" }).click();
    await expect(page).toHaveURL(/\/timeline\/summit$/);

    await page.goto("/explainers/denuclearization-vs-sanctions-relief");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.locator(".prose p").count()).toBeGreaterThan(5);
    await expect(page.locator(".source-list li").first()).toBeVisible();
  });
});

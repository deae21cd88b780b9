import { expect, test, type Page } from "@playwright/test";
import { answerWithQuizForm } from "./answer-support";
import { expectNoHorizontalScroll, expectQuestionOnTop, questionHeading, staleTabNote } from "./support";

/**
 * The solo quiz never loses its place, on the narrowest phone we support:
 * each new question starts at its heading, Back offers to resume, a stale
 * second tab catches up; and the site's frame fits a 320 px screen.
 */

test.use({ viewport: { width: 320, height: 568 } });
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "android-small", "a 320 px phone flow: the android-small project runs it");
});

async function startQuiz(page: Page, length: 5 | 10): Promise<string> {
  await page.goto("/quiz");
  await page.getByLabel(length === 5 ? "Quick: 5 questions" : "Standard: 10 questions").check();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\/[\w-]+$/);
  await expect(page.getByText(`Question 1 of ${length}`)).toBeVisible();
  return page.url();
}

/** Answers, moves on with the button under the feedback, and waits for question `next` of `of` (or the results). */
async function answerAndGoOn(page: Page, correct: boolean, next: { n: number; of: number } | "results") {
  await answerWithQuizForm(page, correct);
  await expect(page.getByRole("heading", { name: /✓ Correct|✗ Not quite/ })).toBeVisible();
  const label = next === "results" ? "See your results" : "Next question";
  await page.getByRole("button", { name: label }).or(page.getByRole("link", { name: label })).click();
  if (next === "results") await expect(page).toHaveURL(/\/quiz\/results\//);
  else await expect(questionHeading(page, next.n, next.of)).toBeVisible();
}

test("each next question starts at its heading, with focus on it", async ({ page }) => {
  await startQuiz(page, 10);
  // The first question of a page load keeps the page's own focus order.
  await expect(questionHeading(page, 1, 10)).not.toBeFocused();
  for (let n = 2; n <= 5; n += 1) {
    // Wrong answers have the longest feedback, so the Next button is furthest down.
    await answerAndGoOn(page, false, { n, of: 10 });
    await expectQuestionOnTop(page, n, 10);
  }
});

test("Back in the middle of a quiz offers to resume it where it was, until it is finished", async ({ page }) => {
  await startQuiz(page, 5);
  await answerAndGoOn(page, true, { n: 2, of: 5 });
  await answerAndGoOn(page, true, { n: 3, of: 5 });

  await page.goBack();
  await expect(page).toHaveURL(/\/quiz$/);
  const resume = page.getByRole("link", { name: "Resume: Question 3 of 5" });
  await expect(resume).toBeVisible();
  // Starting a new quiz is still possible.
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();

  await resume.click();
  await expect(questionHeading(page, 3, 5)).toBeVisible();
  await answerAndGoOn(page, true, { n: 4, of: 5 });
  await answerAndGoOn(page, true, { n: 5, of: 5 });
  await answerAndGoOn(page, true, "results");

  await page.goto("/quiz");
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Resume/ })).toHaveCount(0);
});

/** The note on a tab left behind; an ordering question has a status line of its own beside it. */
test("a stale second tab is taken to the question the quiz is on, with a note", async ({ context }) => {
  const first = await context.newPage();
  const playUrl = await startQuiz(first, 5);
  const second = await context.newPage();
  await second.goto(playUrl);
  await expect(questionHeading(second, 1, 5)).toBeVisible();

  await answerWithQuizForm(first, true);
  await expect(first.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await answerWithQuizForm(second, false);

  await expect(questionHeading(second, 2, 5)).toBeVisible();
  await expect(staleTabNote(second)).toBeVisible();
  await expect(second.getByRole("button", { name: "Check answer" })).toBeEnabled();
  await expect(questionHeading(second, 2, 5)).toBeFocused();
  await expect(staleTabNote(second)).toBeInViewport();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Resume is offered, and a stale tab's answer leads to the current question", async ({ context }) => {
    const first = await context.newPage();
    const playUrl = await startQuiz(first, 5);
    await first.goto("/quiz");
    await expect(first.getByRole("link", { name: "Resume: Question 1 of 5" })).toBeVisible();

    const second = await context.newPage();
    await second.goto(playUrl);
    await first.goto(playUrl);
    await answerWithQuizForm(first, true);
    await expect(first.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
    await answerWithQuizForm(second, false);
    await expect(second.getByText("Question 2 of 5")).toBeVisible();
    await expect(staleTabNote(second)).toBeVisible();
    await expect(second.getByRole("button", { name: "Check answer" })).toBeVisible();
  });
});

test("the site header is one compact row at 320 px, and every link stays reachable by keyboard", async ({ page }) => {
  for (const path of ["/", "/quiz", "/timeline"]) {
    await page.goto(path);
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height, `header height on ${path}`).toBeLessThanOrEqual(64);
    await expectNoHorizontalScroll(page);
  }

  const menu = page.locator(".site-header summary");
  await menu.focus();
  await page.keyboard.press("Enter");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Timeline", "Explainers", "People", "Glossary", "Quiz"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Timeline" })).toBeFocused();
  await expectNoHorizontalScroll(page);
});

test("the explainer breadcrumb leads back without repeating the page's title", async ({ page }) => {
  await page.goto("/explainers");
  await page.locator("main a[href^='/explainers/']").first().click();
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(title.length).toBeGreaterThan(0);
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link", { name: "Explainers" })).toBeVisible();
  await expect(breadcrumb).not.toContainText(title);
});

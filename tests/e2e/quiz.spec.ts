import { expect, test, type Page } from "@playwright/test";
import { minimumPlayMs } from "../../lib/quiz/fair-play";
import { answerWithQuizForm, currentQuestion } from "./answer-support";
import { expectHydrated, watchPage } from "./security-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, networkOfItsOwn } from "./support";

/**
 * A player whose result may go on the leaderboards: from a network of its own (the test server trusts one proxy
 * hop, as behind nginx; lib/quiz/fair-play.ts allows each network three entries a day), and no faster than a
 * person can read the questions (faster results stay off the boards).
 */
async function asBoardPlayer(page: Page): Promise<{ readingTime: true }> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": networkOfItsOwn() });
  return { readingTime: true };
}

async function playQuickQuiz(page: Page, { correct = true, checkAccessibility = false, readingTime = false } = {}) {
  await page.goto("/quiz");
  await page.getByLabel("Quick: 5 questions").check();
  const started = Date.now();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\//);

  const prompts: string[] = [];
  for (let question = 1; question <= 5; question += 1) {
    await expect(page.getByText(`Question ${question} of 5`)).toBeVisible();
    if (checkAccessibility && question === 1) {
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    prompts.push((await currentQuestion(page)).prompt);
    if (readingTime && question === 5) await page.waitForTimeout(Math.max(0, started + minimumPlayMs(prompts) + 1_000 - Date.now()));
    await answerWithQuizForm(page, correct);
    await expect(page.getByRole("heading", { name: correct ? "✓ Correct" : "✗ Not quite" })).toBeVisible();
    // Every answer explains itself and names a source the reader can open.
    await expect(page.locator(".feedback .source-links a").first()).toHaveAttribute("href", /^https?:\/\//);
    await expect(page.getByRole("link", { name: /^Learn more:/ })).toHaveAttribute("href", /^\/explainers\/[a-z-]+#[a-z0-9-]+$/);
    if (checkAccessibility && question === 1) await expectNoAxeViolations(page);
    await page.getByRole("link", { name: question < 5 ? "Next question" : "See your results" }).or(
      page.getByRole("button", { name: question < 5 ? "Next question" : "See your results" }),
    ).click();
  }

  await expect(page).toHaveURL(/\/quiz\/results\//);
  await expect(page.getByRole("heading", { level: 1, name: "Your result" })).toBeVisible();
  await expect(page.locator(".score")).toHaveText(correct ? "5/5" : "0/5");
  await expect(page.locator(".lede")).toHaveText(/first person to finish|the (one|[\d,]+) other (person|people) who finished/i);
  await expect(page.locator(".review > li")).toHaveCount(5);
  await expect(page.locator(".review > li").first()).toContainText(/players? got this right|first to answer/);
}

test("a player on a phone takes a quiz, learns from each answer and sees a percentile", async ({ page }) => {
  // Six axe audits on a phone-sized page take 25–30 s on two busy cores: time is not what this test measures.
  test.slow();
  await playQuickQuiz(page, { checkAccessibility: true, ...(await asBoardPlayer(page)) });
  await expectNoAxeViolations(page);

  await page.getByLabel("Nickname").fill("Quiz Tester");
  await page.getByRole("button", { name: "Add me to the leaderboard" }).click();
  await expect(page.getByText("You are on the leaderboard as")).toBeVisible();
  await expect(page.getByRole("table", { name: "Today’s top scores" })).toContainText("Quiz Tester");
});

test("an offensive nickname is refused with a message", async ({ page }) => {
  await playQuickQuiz(page);
  await page.getByLabel("Nickname").fill("shithead");
  await page.getByRole("button", { name: "Add me to the leaderboard" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Try another/ })).toBeVisible();
});

test("missed questions can be practised without changing the score", async ({ page }) => {
  await playQuickQuiz(page, { correct: false });
  await expect(page.getByRole("link", { name: "Try the 5 you missed" })).toBeVisible();
  await page.getByRole("link", { name: "Try the 5 you missed" }).click();
  await answerWithQuizForm(page, true);
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await page.getByRole("link", { name: "Back to your results" }).click();
  await expect(page.locator(".score")).toHaveText("0/5");
});

test("the answer check loads once the player touches the form, and an empty answer is stopped before it is sent", async ({ page, baseURL }) => {
  // CSP violations (had Zod probed for eval before being told not to), console errors, uncaught errors.
  const problems = await watchPage(page, new URL(baseURL ?? "").origin);
  await page.goto("/quiz");
  await page.getByLabel("Quick: 5 questions").check();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  // Opened afresh, as from a link (the start form has already loaded the validator in this tab).
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expectHydrated(page);

  // The validator is not part of the page's load: it comes with the first tap.
  const scriptsAfterLoad: string[] = [];
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scriptsAfterLoad.push(request.url());
    if (request.method() === "POST") posts.push(request.url());
  });
  const problem = page.locator(".question-form").getByRole("alert");
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(problem).toHaveText("Choose an answer.");
  expect(scriptsAfterLoad.length, "the validator loads on the first tap").toBeGreaterThan(0);
  expect(posts, "nothing is sent without an answer").toEqual([]);

  await answerWithQuizForm(page, true);
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await expect(problem).toHaveText("");
  expect(problems).toEqual([]);
});

test("opening the results of an unfinished quiz leads back to the question the player is on", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByLabel("Quick: 5 questions").check();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\//);
  await answerWithQuizForm(page, true);
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  const playUrl = page.url();

  const response = await page.goto(playUrl.replace("/quiz/play/", "/quiz/results/"));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(playUrl);
  await expect(page.getByText("Question 2 of 5")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole quiz works with plain forms", async ({ page }) => {
    // Played at reading pace, so that the result may go on the boards.
    test.slow();
    await playQuickQuiz(page, { correct: false, ...(await asBoardPlayer(page)) });
    await page.getByRole("link", { name: "Try the 5 you missed" }).click();
    await answerWithQuizForm(page, true);
    await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
    await page.goto(page.url().replace(/\/practice.*$/, ""));
    await page.getByLabel("Nickname").fill("No Script");
    await page.getByRole("button", { name: "Add me to the leaderboard" }).click();
    await expect(page.getByText("You are on the leaderboard as")).toBeVisible();
  });
});

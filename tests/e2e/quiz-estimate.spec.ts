import { expect, test, type Page } from "@playwright/test";
import { openQuestion } from "./answer-support";
import { estimateAsk, type BankQuestion } from "./bank";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * An estimate question in the solo quiz on the smallest phone: a number
 * field with its unit and a slider kept in step, both ends of the range
 * taken, anything outside it refused with a message that names the range
 * (and nothing stored), and the feedback giving the sourced figure and who
 * said what. Without JavaScript the number field alone posts.
 */

test.use({ viewport: { width: 320, height: 568 } });
test.beforeEach(({}, info) => test.skip(info.project.name !== "android-small", "a 320 px phone test: it runs once"));

/** South Korea's and the Pentagon's counts of the troops sent to Russia: three claims, steps of 500. */
const isTroopEstimate = (question: BankQuestion) => question.id === "troops-to-russia-estimate";

const numberField = (page: Page) => page.getByLabel("Your estimate, in troops", { exact: true });

test("an estimate on a 320 px phone: the slider and the number agree, a number outside the range is refused in place, and the feedback says who counted what", async ({ page }) => {
  const { question } = await openQuestion(page, isTroopEstimate);
  await expect(page.getByText("From 0 to 50,000 troops, in steps of 500.")).toBeVisible();
  await page.getByLabel("Your estimate, in troops: slider").fill("11500");
  await expect(numberField(page)).toHaveValue("11500");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // Past the end of the range: the server refuses it, the message names the range, and the button comes back.
  await numberField(page).fill("50500");
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give a number" })).toHaveText(estimateAsk(question));
  await expect(page.getByRole("button", { name: "Check answer" })).toBeEnabled();
  await expect(numberField(page)).toHaveValue("50500");

  // The bottom of the range is an answer like any other: far from the figure, so not right.
  await numberField(page).fill("0");
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible();
  await expect(page.getByText("The answer: 12,000 troops")).toBeVisible();
  const claims = page.locator(".feedback ul").first().getByRole("listitem");
  await expect(claims).toHaveCount(3);
  await expect(claims.first()).toContainText("South Korea's spy agency (NIS), 18 October 2024: about 12,000, in four brigades");
  for (const claim of await claims.all()) await expect(claim.getByRole("link")).toHaveAttribute("href", /^https?:\/\//);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test("both ends of an estimate's range are taken; outside it, between its steps or not a number is a 422 that stores nothing", async ({ page }) => {
  for (const end of ["0", "50000"]) {
    const { href } = await openQuestion(page, isTroopEstimate);
    const attemptId = href.split("/").pop() ?? "";
    const answer = (value: unknown) => page.request.post(`/api/quiz/attempts/${attemptId}/answers`, { data: { questionId: "troops-to-russia-estimate", answer: value } });

    for (const wrong of ["50500", "-500", "12250", "twelve thousand", 1e9]) {
      const refused = await answer(wrong);
      expect(refused.status(), String(wrong)).toBe(422);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("Give a number from 0 to 50,000 troops, in steps of 500.");
    }
    // Nothing was stored: the quiz still waits on the same question, and the end of the range is then taken.
    await page.goto(href);
    await expect(page.locator("input[name=questionId]")).toHaveValue("troops-to-russia-estimate");
    const taken = await answer(end === "0" ? end : Number(end));
    expect(taken.status()).toBe(200);
    expect(await taken.json()).toMatchObject({ feedback: { correct: false, correctAnswer: "12,000 troops", estimate: { closeness: "none" } } });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an estimate is a number field that posts with the plain form, and the feedback page gives the figure", async ({ page }) => {
    await openQuestion(page, isTroopEstimate);
    await expect(page.getByRole("slider")).toHaveCount(0);
    await numberField(page).fill("11500");
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
    await expect(page.getByText("The answer: 12,000 troops")).toBeVisible();
  });
});

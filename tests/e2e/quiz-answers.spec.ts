import { expect, test, type Locator } from "@playwright/test";
import { openQuestion, placeInOrder, POSITIONS } from "./answer-support";
import { bankQuestion, choiceFor, choicesOf, type BankQuestion } from "./bank";
import { expectNoAxeViolations, expectNoHorizontalScroll, readmeScreenshot } from "./support";

/**
 * Answering on the smallest phone: an ordering question's control (issue 18,
 * defect 7) and the marks on the options once answered (defect 12).
 */

test.use({ viewport: { width: 320, height: 568 } });
test.beforeEach(({}, info) => test.skip(info.project.name !== "android-small", "a 320 px phone test: it runs once"));

const isOrder = (question: BankQuestion) => question.kind === "order";

/** Whether the element shows all its text: nothing cut off inside it or past the screen's edge. */
async function shownInFull(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) =>
      element.scrollWidth <= element.clientWidth &&
      element.scrollHeight <= element.clientHeight &&
      element.getBoundingClientRect().left >= 0 &&
      element.getBoundingClientRect().right <= window.innerWidth,
  );
}

test("an ordering question on a 320 px phone shows every item in full and will not send an order nobody chose", async ({ page }) => {
  const { question, href } = await openQuestion(page, isOrder);
  const items = question.items ?? [];
  for (const item of items) {
    const button = page.getByRole("button", { name: `Place 1st: ${item.text}`, exact: true });
    await expect(button).toBeVisible();
    expect(await shownInFull(button), `“${item.text}” is shown in full`).toBe(true);
  }
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.locator(".question-form").getByRole("alert")).toHaveText("Choose an answer.");
  // Half an order is no answer either.
  await placeInOrder(page, [items[0]?.text ?? ""]);
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.locator(".question-form").getByRole("alert")).toHaveText("Choose an answer.");
  expect(posts, "nothing is sent").toEqual([]);

  // Nothing was recorded: the question is still there to answer.
  await page.goto(href);
  await expect(page.getByRole("button", { name: `Place 1st: ${items[0]?.text ?? ""}`, exact: true })).toBeVisible();
});

test("an ordering question can be put in order by keyboard alone, each step announced", async ({ page }) => {
  const { question } = await openQuestion(page, isOrder);
  const items = question.items ?? [];
  const status = page.locator(".question-form").getByRole("status");

  /** Tabs (or, with `back`, shift-tabs) to the button whose text passes `match`: keyboard only, at most 40 steps. */
  async function tabTo(match: (text: string) => boolean, back = false) {
    for (let step = 0; step < 40; step += 1) {
      if (match(await page.evaluate(() => document.activeElement?.textContent ?? ""))) return;
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    }
    throw new Error("no such button within 40 tabs");
  }

  const first = items[0]?.text ?? "";
  await page.getByRole("button", { name: `Place 1st: ${first}` }).waitFor();
  await tabTo((text) => text.endsWith(first));
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(`“${first}” is 1st. ${items.length - 1} to place.`);
  // Taken back, and focus follows it back into the list to place.
  await tabTo((text) => text.includes("Take back"), true);
  await expect(page.getByRole("button", { name: `Take back “${first}”` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(`“${first}” taken back. ${items.length} to place.`);
  await expect(page.getByRole("button", { name: `Place 1st: ${first}` })).toBeFocused();

  for (const [position, item] of items.entries()) {
    await tabTo((text) => text.endsWith(item.text));
    await page.keyboard.press(position % 2 === 0 ? "Enter" : " ");
    await expect(status).toContainText(`“${item.text}” is ${POSITIONS[position]}.`);
  }
  await expect(status).toHaveText(new RegExp(`All ${items.length} placed\\.$`));
  // The last item placed, focus moves on to the form's button.
  await expect(page.getByRole("button", { name: "Check answer" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await expect(page.locator(".question-form li")).toHaveText(items.map((item, index) => `${POSITIONS[index]}${item.text}✓ Right place`));
  await expectNoAxeViolations(page);
});

test("after a wrong answer, the player's choice and the correct one are marked in words, in place", async ({ page }) => {
  const { question } = await openQuestion(page, (candidate) => !isOrder(candidate));
  const right = choiceFor(question, true);
  const wrong = choiceFor(question, false);
  await page.getByLabel(wrong?.text ?? "", { exact: true }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible();

  const options = page.locator(".question-form li");
  await expect(options).toHaveCount(choicesOf(question).length);
  await expect(options.filter({ hasText: wrong?.text })).toHaveText(`${wrong?.text}✗ Your answer`);
  await expect(options.filter({ hasText: right?.text })).toHaveText(`${right?.text}✓ Correct answer`);
  await expect(options.filter({ hasText: /Your answer|Correct answer/ })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await readmeScreenshot(page, "quiz-feedback");
});

test("after a wrong order, each item says where it belongs", async ({ page }) => {
  const { question } = await openQuestion(page, isOrder);
  const items = question.items ?? [];
  await placeInOrder(page, [...items].reverse().map((item) => item.text));
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible();
  const last = items.length - 1;
  await expect(page.locator(".question-form li")).toHaveText(
    [...items].reverse().map((item, position) =>
      last - position === position ? `${POSITIONS[position]}${item.text}✓ Right place` : `${POSITIONS[position]}${item.text}✗ Belongs ${POSITIONS[last - position]}`,
    ),
  );
  for (const row of await page.locator(".question-form li").all()) expect(await shownInFull(row)).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an ordering question starts blank, and the feedback page marks the order and the options", async ({ page }) => {
    const { question, href } = await openQuestion(page, isOrder);
    const items = question.items ?? [];
    for (const [position] of items.entries()) {
      await expect(page.getByLabel(POSITIONS[position] ?? "", { exact: true })).toHaveValue("");
    }
    // Sent untouched (the browser's own check would stop it first where it runs), it is refused, and nothing is recorded.
    // Wait for the refused page itself: going on while that navigation is in flight aborts the next one.
    await Promise.all([
      page.waitForEvent("load"),
      page.locator("form.question-form").evaluate((form: HTMLFormElement) => form.submit()),
    ]);
    await page.goto(href);
    await expect(page.getByLabel("1st", { exact: true })).toHaveValue("");

    await placeInOrder(page, [...items].reverse().map((item) => item.text));
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Belongs" }).first()).toBeVisible();
    await expect(page.getByText("Your order")).toBeVisible();

    // The next question, if it has options (an estimate or another ordering has none), answered wrongly: both are marked.
    if ((await page.getByRole("link", { name: "Next question" }).count()) === 0) return;
    await page.getByRole("link", { name: "Next question" }).click();
    const wrong = choiceFor(bankQuestion(await page.locator("input[name=questionId]").inputValue()), false);
    if (!wrong) return;
    await page.getByLabel(wrong.text, { exact: true }).check();
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "✗ Your answer" })).toHaveCount(1);
    await expect(page.getByRole("listitem").filter({ hasText: "✓ Correct answer" })).toHaveCount(1);
  });
});

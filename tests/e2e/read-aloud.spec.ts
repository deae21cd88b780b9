import { expect, test, type Page } from "@playwright/test";
import { answerWithQuizForm, openQuestion } from "./answer-support";
import { choiceFor, type BankQuestion } from "./bank";
import { finishSpeaking, forgetSpeech, speechRecord, spokenTexts, stubSpeech } from "./speech-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, readmeScreenshot } from "./support";

/**
 * "Read aloud" in the solo quiz on the smallest phone: the question and
 * then the feedback, spoken by the browser's own speech synthesis (stubbed:
 * speech-support.ts), started and stopped by keyboard, stopped when the quiz
 * moves on, and absent where the browser cannot speak.
 */

test.use({ viewport: { width: 320, height: 568 } });
test.beforeEach(({}, info) => test.skip(info.project.name !== "android-small", "a 320 px phone test: it runs once"));

const isWhoSaid = (question: BankQuestion) => question.kind === "who-said";

/** The options' texts in the order the form shows them. */
const optionsOnScreen = (page: Page) => page.locator(".question-form .choice span").allInnerTexts();

test("a who-said question and its feedback are read aloud, started and stopped from the keyboard", async ({ page }) => {
  await stubSpeech(page);
  const { question } = await openQuestion(page, isWhoSaid);
  const readQuestion = page.getByRole("button", { name: "Read the question aloud" });
  await expect(readQuestion).toBeVisible();
  await expectNoHorizontalScroll(page);

  await readQuestion.focus();
  await page.keyboard.press("Enter");
  const options = await optionsOnScreen(page);
  expect(options).toHaveLength(question.options?.length ?? 0);
  const { spoken } = await speechRecord(page);
  expect(spoken.map((utterance) => utterance.text)).toEqual([
    question.prompt,
    `The quotation: ${question.quote ?? ""}`,
    question.context ?? "",
    ...options.map((text, position) => `Option ${"ABCD"[position]}: ${text}`),
  ]);
  // In the page's language, a little slower than the voice's default.
  for (const utterance of spoken) expect(utterance).toMatchObject({ lang: "en", rate: 0.9 });

  // While it speaks, the button says how to stop it; a second press stops, and it can start again.
  const stop = page.getByRole("button", { name: "Stop reading" });
  await expect(stop).toBeFocused();
  await readmeScreenshot(page, "read-aloud-phone");
  await expectNoAxeViolations(page);
  const { cancels } = await speechRecord(page);
  await page.keyboard.press("Space");
  await expect(readQuestion).toBeFocused();
  expect((await speechRecord(page)).cancels).toBe(cancels + 1);

  await answerWithQuizForm(page, false);
  const readAnswer = page.getByRole("button", { name: "Read the answer aloud" });
  await forgetSpeech(page);
  await readAnswer.click();
  expect(await spokenTexts(page)).toEqual(["Not quite.", `The answer: ${choiceFor(question, true)?.text ?? ""}`, question.explanation]);
  // Once the last part has been spoken, the button is ready to read again.
  await finishSpeaking(page);
  await expect(readAnswer).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop reading" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("reading stops when the quiz moves on to the next question", async ({ page }) => {
  await stubSpeech(page);
  // The quiz's first question: seventeen follow it.
  await openQuestion(page, () => true);
  await answerWithQuizForm(page, true);
  await page.getByRole("button", { name: "Read the answer aloud" }).click();
  await expect(page.getByRole("button", { name: "Stop reading" })).toBeVisible();
  const { spoken, cancels } = await speechRecord(page);
  expect(spoken[0]?.text).toBe("Correct.");

  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByRole("button", { name: "Read the question aloud" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop reading" })).toHaveCount(0);
  expect((await speechRecord(page)).cancels).toBe(cancels + 1);
});

test("where the browser cannot speak there is no Read aloud button", async ({ page }) => {
  await stubSpeech(page, false);
  await openQuestion(page, isWhoSaid);
  // By the load event the page's scripts have run (so the button would have appeared).
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => "next" in window && !("speechSynthesis" in window))).toBe(true);
  await expect(page.getByRole("radio").first()).toBeEnabled();
  await expect(page.getByRole("button", { name: /aloud/ })).toHaveCount(0);
  await answerWithQuizForm(page, true);
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await expect(page.getByRole("button", { name: /aloud/ })).toHaveCount(0);
});

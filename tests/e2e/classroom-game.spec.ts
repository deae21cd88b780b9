import { expect, test, type Page } from "@playwright/test";
import { answerLive, currentQuestion } from "./answer-support";
import { createSession, join, laptop, phone } from "./classroom-support";
import { readmeScreenshot as screenshot } from "./support";

/**
 * A whole lesson as a class plays it: ten live questions from a 1366×768
 * projector, three phones (320×568, an iPhone, a Pixel). No student has to
 * scroll to see a question and its answers, and no phone shows a score or
 * "correct" before the teacher reveals. With README_SCREENSHOTS=1 the test
 * retakes the README's screenshots (docs/screenshots).
 */

const FOLLOW = { timeout: 2_000 };
/** Every element of the question (prompt, quotation, answers, time left) lies inside the phone's screen. */
async function expectQuestionOnScreen(page: Page) {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const outside = await page.evaluate(
    ({ width, height }) =>
      [...document.querySelectorAll("legend, blockquote, form button, [role=timer]")]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.top < 0 || box.bottom > height + 0.5 || box.left < 0 || box.right > width + 0.5))
        .map(({ element, box }) => `${element.tagName} "${element.textContent?.slice(0, 40)}" at ${Math.round(box.top)}–${Math.round(box.bottom)}`),
    viewport,
  );
  expect(outside, `off screen on a ${viewport.width}×${viewport.height} phone`).toEqual([]);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

/** Before the reveal a phone says the answer arrived and nothing that hints whether it was right. */
async function expectNoVerdict(page: Page) {
  await expect(page.getByText(/\d+ (points?|correct)\b|✓ Correct|✗ Not quite/)).toHaveCount(0);
}

test("ten live questions: the phones never scroll during a question and learn their score only at the reveal", async ({ browser }) => {
  test.setTimeout(360_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 10, timer: "60 seconds", scoring: "speed" });
  const students = await Promise.all([0, 1, 2].map((i) => phone(browser, i)));
  const phones = students.map((s) => s.page);
  await Promise.all(phones.map((page, i) => join(page, code, ["Ann", "Bob", "Cy"][i] ?? "", "link")));
  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();

  for (let n = 1; n <= 10; n += 1) {
    for (const page of phones) await expect(page.getByText(`Question ${n} of 10`)).toBeVisible(FOLLOW);
    const { kind } = await currentQuestion(phones[0] as Page);
    if (kind !== "order") for (const page of phones) await expectQuestionOnScreen(page);
    if (n === 2) {
      await screenshot(teacher.page, "projector");
      await screenshot(phones[0] as Page, "phone-live");
    }
    await Promise.all(phones.map((page, i) => answerLive(page, (n + i) % 3 !== 0)));
    for (const page of phones) await expectNoVerdict(page);
    await expect(teacher.page.getByText("3 of 3 answered")).toBeVisible(FOLLOW);

    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    for (const page of phones) await expect(page.getByRole("heading", { name: /^(✓ Correct|✗ Not quite)$/ })).toBeVisible(FOLLOW);
    if (n === 2) await screenshot(teacher.page, "projector-reveal");
    if (n < 10) await teacher.page.getByRole("button", { name: "Next question", exact: true }).click();
  }
  await teacher.page.getByRole("button", { name: "Show the podium", exact: true }).click();
  await expect(teacher.page.getByRole("heading", { name: "Podium" })).toBeVisible();
  await expect(phones[0]!.getByText(/You finished \d\w\w of 3/)).toBeVisible(FOLLOW);
  await screenshot(teacher.page, "projector-podium");

  for (const context of [teacher.context, ...students.map((s) => s.context)]) await context.close();
});

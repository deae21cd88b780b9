import { expect, test } from "@playwright/test";
import { answerWithQuizForm } from "./answer-support";
import { createSession, join, laptop, phone } from "./classroom-support";
import { expectQuestionOnTop, questionHeading, staleTabNote } from "./support";

test("homework on a 320 px phone: each next question starts at its heading, with focus on it", async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "homework", length: 5 });
  const student = await phone(browser, 0);
  const { page } = student;
  await join(page, code, "Scroll Tester", "link");
  await expect(questionHeading(page, 1, 5)).toBeVisible();
  await expect(questionHeading(page, 1, 5)).not.toBeFocused();

  for (let n = 2; n <= 4; n += 1) {
    await answerWithQuizForm(page, false);
    await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible();
    await page.getByRole("button", { name: "Next question" }).click();
    await expectQuestionOnTop(page, n, 5);
  }

  for (const context of [teacher.context, student.context]) await context.close();
});

test("homework in two tabs: the tab left behind is taken to the question the student is on, with a note", async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "homework", length: 5 });
  const student = await phone(browser, 0);
  const first = student.page;
  await join(first, code, "Two Tabs", "link");
  const second = await student.context.newPage();
  await second.goto(first.url());
  await expect(questionHeading(second, 1, 5)).toBeVisible();

  await answerWithQuizForm(first, true);
  await expect(first.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
  await answerWithQuizForm(second, false);

  await expect(questionHeading(second, 2, 5)).toBeFocused();
  await expect(staleTabNote(second)).toBeVisible();
  await expect(second.getByRole("button", { name: "Check answer" })).toBeEnabled();
  // From there the tab goes on as usual.
  await answerWithQuizForm(second, true);
  await expect(second.getByRole("heading", { name: "✓ Correct" })).toBeVisible();

  for (const context of [teacher.context, student.context]) await context.close();
});

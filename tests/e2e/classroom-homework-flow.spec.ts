import { expect, test } from "@playwright/test";
import { answerWithQuizForm } from "./answer-support";
import { createSession, join, laptop, phone } from "./classroom-support";
import { expectQuestionOnTop, questionHeading } from "./support";

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

import { expect, test, type Page } from "@playwright/test";
import { answerLive, currentQuestion, POSITIONS } from "./answer-support";
import { asReaderNumber, choiceFor, estimateAsk, type BankQuestion } from "./bank";
import { createSession, join, laptop, phone } from "./classroom-support";
import { forgetSpeech, speechRecord, spokenTexts, stubSpeech } from "./speech-support";
import { expectNoAxeViolations, readmeScreenshot } from "./support";

/**
 * "Read aloud" in live play: a phone reads the question with the
 * projector's shape names and, after the reveal, the student's verdict; the
 * projector reads the same question, and the answer, to the room. Speech
 * synthesis is stubbed (speech-support.ts).
 */

/** Phones poll once a second: every teacher action must show on them within two. */
const FOLLOW = { timeout: 2_000 };

/** components/classroom/option-mark.tsx: the shape names of the first positions. */
const SHAPES = ["Triangle", "Diamond", "Circle", "Square", "Star"];

/** The choices' texts (or an ordering's items) in the order the phone shows them. */
async function shownOnPhone(page: Page, question: BankQuestion): Promise<string[]> {
  if (question.kind !== "order") return page.locator("form button[name=answer]").allInnerTexts();
  const ids = await page.locator("[data-place]").evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-place")));
  return ids.map((id) => question.items?.find((item) => item.id === id)?.text ?? "");
}

/** What reading the question aloud must say: prompt, quotation, then each choice by its shape (or the items). */
function questionUtterances(question: BankQuestion, shown: readonly string[]): string[] {
  if (question.kind === "order") return [question.prompt, "The items to put in order:", ...shown];
  if (question.kind === "estimate") return [question.prompt, estimateAsk(question)];
  const quotation = question.kind === "who-said" ? [`The quotation: ${question.quote ?? ""}`, question.context ?? ""] : [];
  return [question.prompt, ...quotation, ...shown.map((text, position) => `${SHAPES[position] ?? ""}: ${text}`)];
}

/** The answer and why, as the reveal reads them. */
function answerUtterances(question: BankQuestion): string[] {
  const key =
    question.kind === "order"
      ? ["The correct order:", ...(question.items ?? []).map((item, position) => `${POSITIONS[position] ?? ""}: ${item.text}`)]
      : question.kind === "estimate"
        ? [`The answer: ${asReaderNumber(Number(question.answer))} ${question.unit ?? ""}`]
        : [`The answer: ${choiceFor(question, true)?.text ?? ""}`];
  return [...key, question.explanation];
}

test("a phone and the projector read the question aloud with the same shapes, and the answer after the reveal", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await laptop(browser);
  const student = await phone(browser, 0);
  await stubSpeech(teacher.context);
  await stubSpeech(student.context);
  const code = await createSession(teacher.page, { mode: "live", length: 5, timer: "60 seconds" });
  await join(student.page, code, "Ada", "link");
  await expect(teacher.page.getByRole("list", { name: "Players" })).toContainText("Ada");
  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();

  const phonePage = student.page;
  await expect(phonePage.getByText("Question 1 of 5")).toBeVisible(FOLLOW);
  const question = await currentQuestion(phonePage);
  const expected = questionUtterances(question, await shownOnPhone(phonePage, question));

  await test.step("the phone reads the question, started from the keyboard", async () => {
    await phonePage.getByRole("button", { name: "Read the question aloud" }).focus();
    await phonePage.keyboard.press("Enter");
    const { spoken } = await speechRecord(phonePage);
    expect(spoken.map((utterance) => utterance.text)).toEqual(expected);
    for (const utterance of spoken) expect(utterance).toMatchObject({ lang: "en", rate: 0.9 });
    await expect(phonePage.getByRole("button", { name: "Stop reading" })).toBeFocused();
    await expectNoAxeViolations(phonePage);
  });

  await test.step("the projector reads the same question to the room", async () => {
    await teacher.page.getByRole("button", { name: "Read the question aloud to the room" }).click();
    expect(await spokenTexts(teacher.page)).toEqual(expected);
    await readmeScreenshot(teacher.page, "read-aloud-projector");
    await expectNoAxeViolations(teacher.page);
  });

  await test.step("answering stops the phone's reading: the question is gone", async () => {
    const { cancels } = await speechRecord(phonePage);
    await answerLive(phonePage, false);
    await expect(phonePage.getByRole("heading", { name: "Answer received" })).toBeVisible();
    expect((await speechRecord(phonePage)).cancels).toBe(cancels + 1);
    await expect(phonePage.getByRole("button", { name: /aloud|Stop reading/ })).toHaveCount(0);
  });

  await test.step("after the reveal the phone reads its verdict and the answer; the projector reads the answer to the room", async () => {
    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    await expect(phonePage.getByRole("heading", { name: "✗ Not quite" })).toBeVisible(FOLLOW);
    await forgetSpeech(phonePage);
    await phonePage.getByRole("button", { name: "Read the answer aloud" }).click();
    expect(await spokenTexts(phonePage)).toEqual(["Not quite.", ...answerUtterances(question)]);

    await forgetSpeech(teacher.page);
    await teacher.page.getByRole("button", { name: "Read the answer aloud to the room" }).click();
    expect(await spokenTexts(teacher.page)).toEqual(answerUtterances(question));
    await expectNoAxeViolations(teacher.page);
  });

  await teacher.context.close();
  await student.context.close();
});

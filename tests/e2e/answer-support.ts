import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { bankQuestion, bankQuestions, choiceFor, estimateFor, keyOf, type BankQuestion } from "./bank";

/**
 * Answering the question on screen as someone who knows the key (or gets it
 * wrong on purpose), the way a player does: in the quiz's form (solo and
 * homework) or on the live phone's buttons.
 */

/** How the ordering control names positions (lib/questions/marks.ts). */
export const POSITIONS = ["1st", "2nd", "3rd", "4th", "5th"];

/** Whether the page runs its scripts (not in the no-JavaScript tests): by the load event, they have run. */
async function scripted(page: Page): Promise<boolean> {
  await page.waitForLoadState("load");
  return page.evaluate(() => "next" in window);
}

/**
 * Answers the ordering question on screen with these item texts, in this
 * order: with JavaScript, tapping them in the order control (its buttons
 * appear once the page hydrates); without, choosing them in the plain
 * form's selects.
 */
export async function placeInOrder(page: Page, texts: readonly string[]): Promise<void> {
  const tap = await scripted(page);
  for (const [position, text] of texts.entries()) {
    const name = POSITIONS[position] ?? "";
    if (tap) await page.getByRole("button", { name: `Place ${name}: ${text}`, exact: true }).click();
    else await page.getByLabel(name, { exact: true }).selectOption({ label: text });
  }
}

/** The bank's question on screen, given by its form's hidden questionId. */
export async function currentQuestion(page: Page): Promise<BankQuestion> {
  return bankQuestion(await page.locator("input[name=questionId]").inputValue());
}

/** Puts an ordering question's items in the right order, or reversed. */
async function fillOrder(page: Page, question: BankQuestion, correct: boolean): Promise<void> {
  const texts = (question.items ?? []).map((item) => item.text);
  await placeInOrder(page, correct ? texts : [...texts].reverse());
}

/** Types an estimate into its number field: the figure, or far from it. */
async function fillEstimate(page: Page, question: BankQuestion, correct: boolean): Promise<void> {
  await page.getByLabel(`Your estimate, in ${question.unit ?? ""}`, { exact: true }).fill(estimateFor(question, correct));
}

/** Answers the live question on screen: one tap on a choice, or the items in order and "Send". */
export async function answerLive(page: Page, correct: boolean): Promise<void> {
  const question = await currentQuestion(page);
  if (question.kind === "order") {
    await fillOrder(page, question, correct);
    await page.getByRole("button", { name: "Send my answer" }).click();
    return;
  }
  if (question.kind === "estimate") {
    await fillEstimate(page, question, correct);
    await page.getByRole("button", { name: "Send my answer" }).click();
    return;
  }
  await page.getByRole("button", { name: choiceFor(question, correct)?.text ?? "", exact: true }).click();
}

/** Answers the question on screen with the quiz's form (solo or homework) and checks it. */
export async function answerWithQuizForm(page: Page, correct: boolean): Promise<void> {
  const question = await currentQuestion(page);
  if (question.kind === "order") await fillOrder(page, question, correct);
  else if (question.kind === "estimate") await fillEstimate(page, question, correct);
  else await page.locator(`.question-form input[type=radio][value="${choiceFor(question, correct)?.id ?? ""}"]`).check();
  await page.getByRole("button", { name: "Check answer" }).click();
}

/**
 * Starts a quiz over HTTP and answers its questions rightly, as the quiz's
 * script does, until `stopAt` accepts one: returns that question and its
 * page's HTML, or null once every question is answered.
 */
export async function playOverHttp(
  request: APIRequestContext,
  quiz: { length: number; topic?: string },
  stopAt: (question: BankQuestion) => boolean,
): Promise<{ attemptId: string; href: string; stoppedAt: { question: BankQuestion; html: string } | null }> {
  const start = await request.post("/api/quiz/attempts", { data: quiz });
  expect(start.status()).toBe(201);
  const { attemptId, href, length } = (await start.json()) as { attemptId: string; href: string; length: number };
  for (let asked = 0; asked < length; asked += 1) {
    const html = await (await request.get(href)).text();
    const input = /<input[^>]*name="questionId"[^>]*>/.exec(html)?.[0] ?? "";
    const question = bankQuestion(/value="([^"]+)"/.exec(input)?.[1] ?? "");
    if (stopAt(question)) return { attemptId, href, stoppedAt: { question, html } };
    const answered = await request.post(`/api/quiz/attempts/${attemptId}/answers`, {
      data: { questionId: question.id, answer: keyOf(question) },
    });
    expect(answered.status()).toBe(200);
  }
  return { attemptId, href, stoppedAt: null };
}

/**
 * A quiz on a topic with fewer questions than the 20 asked for, so it holds
 * all of them, ordering questions and estimates among them: the quiz is then
 * on the first question `wanted` accepts, the ones before it answered
 * (rightly) over HTTP. Returns that question, its page and the page's HTML.
 */
export async function reachQuestion(
  request: APIRequestContext,
  wanted: (question: BankQuestion) => boolean,
): Promise<{ question: BankQuestion; href: string; html: string }> {
  const { href, stoppedAt } = await playOverHttp(request, { length: 20, topic: "russia" }, wanted);
  if (!stoppedAt) throw new Error("the quiz has no such question");
  return { ...stoppedAt, href };
}

/** reachQuestion, then the page shows that question. */
export async function openQuestion(page: Page, wanted: (question: BankQuestion) => boolean): Promise<{ question: BankQuestion; href: string }> {
  const { question, href } = await reachQuestion(page.request, wanted);
  await page.goto(href);
  return { question, href };
}

/**
 * What reveals an answer before it is given: the explanation (it states the
 * answer), the bank's key fields (an estimate's figure, closeness and
 * who-said-what among them), and the feedback's "correct" flag. None may
 * appear in the JavaScript, HTML or RSC payload a player receives.
 */
export function leaks(text: string): string[] {
  const found: string[] = [];
  for (const question of bankQuestions) {
    if (text.includes(question.explanation.slice(0, 60))) found.push(`explanation of ${question.id}`);
  }
  for (const marker of ['"answer":', '"explanation"', '"correct":', '"learnMore"', '"closeness"', '"claims"']) {
    if (text.includes(marker)) found.push(`marker ${marker}`);
  }
  return found;
}

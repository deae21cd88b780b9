import { expect, test, type Page } from "@playwright/test";
import { answerLive, currentQuestion } from "./answer-support";
import { bankQuestions, choicesOf } from "./bank";
import { chooseQuestions, createSession, join, laptop, phone } from "./classroom-support";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * A student's phone in live play, as a game controller: on the smallest
 * phone (320×568), no site chrome, the whole question and its choices on
 * screen, each choice in the shape of the same choice on the projector,
 * nothing that gives the answer away before the reveal, and an answer
 * tapped while the school wifi is down sent when it comes back.
 */

/** Phones poll once a second: every teacher action must show on them within two. */
const FOLLOW = { timeout: 2_000 };

/** components/classroom/option-mark.tsx: the shape of the choice at each position, on the projector and the phones. */
const SHAPES = ["triangle", "diamond", "circle", "square", "star"];

async function clickHost(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

/** The teacher's laptop, and one student on the 320×568 phone, in the lobby. */
async function classWithOnePhone(browser: Parameters<typeof laptop>[0], options: Parameters<typeof createSession>[1]) {
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, options);
  const student = await phone(browser, 0);
  expect(student.page.viewportSize()).toEqual({ width: 320, height: 568 });
  await join(student.page, code, "Pia", "link");
  await expect(teacher.page.getByRole("list", { name: "Players" })).toContainText("Pia");
  return { teacher, student, close: () => Promise.all([teacher.context.close(), student.context.close()]) };
}

/** The choices in the order the projector shows them (text nodes in document order, whatever the markup). */
function projectorOrder(page: Page, texts: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const main = document.querySelector("main");
    if (!main) return [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const seen: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      if (wanted.includes(text) && !seen.includes(text)) seen.push(text);
    }
    return seen;
  }, texts);
}

/** The prompt and every choice fit the phone's screen, unscrolled, each choice in its position's shape, in the projector's order. */
async function expectWholeQuestionOnScreen(page: Page, projector: Page, n: number) {
  const buttons = page.locator("form button[name=answer]");
  if ((await buttons.count()) > 0) {
    // The prompt and every choice fit on the screen, without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator("legend")).toBeInViewport({ ratio: 1 });
    for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 });
    // Each choice wears the shape of its position, and the projector shows the choices in the same order.
    const texts = await buttons.allInnerTexts();
    const shapes = await buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-shape")));
    expect(shapes).toEqual(SHAPES.slice(0, texts.length));
    for (const button of await buttons.all()) await expect(button.locator("svg")).toHaveCount(1);
    expect(await projectorOrder(projector, texts)).toEqual(texts);
    if (n === 1) await expectNoAxeViolations(page);
  } else {
    // Ordering or estimate: the send button is on screen while the timer runs.
    await expect(page.getByRole("button", { name: "Send my answer" })).toBeInViewport();
  }
}

test("a phone in live play is a controller: no site chrome, the whole question on screen, the projector's shapes, the time left", async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, student, close } = await classWithOnePhone(browser, { mode: "live", length: 10, timer: "60 seconds" });
  const page = student.page;
  await clickHost(teacher.page, "Start the quiz");

  for (let n = 1; n <= 10; n += 1) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible(FOLLOW);
    // No site header, navigation or footer while playing; a way out stays.
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("navigation")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("link", { name: "Exit" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("timer")).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);

    await expectWholeQuestionOnScreen(page, teacher.page, n);

    await answerLive(page, n % 2 === 0);
    await expect(page.getByRole("heading", { name: "Answer received" })).toBeVisible();
    await expect(page.getByRole("timer")).toBeInViewport({ ratio: 1 });
    if (n === 1) await expectNoAxeViolations(page);
    await expect(teacher.page.getByText("1 of 1 answered")).toBeVisible(FOLLOW);
    await clickHost(teacher.page, "Reveal the answer");
    await expect(page.getByRole("heading", { name: /Correct|Not quite/ })).toBeVisible(FOLLOW);
    if (n < 10) await clickHost(teacher.page, "Next question");
  }
  await close();
});

/** The ten one-tap questions with the most text on a phone: prompt, quotation and choices (components/classroom/live-choices.ts screenText). */
const MOST_TEXT = bankQuestions
  .filter((question) => question.kind !== "order" && question.kind !== "estimate")
  .map((question) => ({
    id: question.id,
    chars: question.prompt.length + (question.quote?.length ?? 0) + (question.context?.length ?? 0) + choicesOf(question).reduce((sum, choice) => sum + choice.text.length, 0),
  }))
  .sort((a, b) => b.chars - a.chars)
  .slice(0, 10)
  .map((question) => question.id);

test("the ten questions with the most text each fit a 320×568 phone, prompt and every choice, without scrolling", async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, student, close } = await classWithOnePhone(browser, { mode: "live", length: 10, timer: "60 seconds" });
  const page = student.page;
  await chooseQuestions(teacher.page, MOST_TEXT);
  await clickHost(teacher.page, "Start the quiz");
  const asked: string[] = [];
  for (let n = 1; n <= 10; n += 1) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible(FOLLOW);
    asked.push((await currentQuestion(page)).id);
    await expectWholeQuestionOnScreen(page, teacher.page, n);
    await answerLive(page, true);
    await expect(teacher.page.getByText("1 of 1 answered")).toBeVisible(FOLLOW);
    await clickHost(teacher.page, "Reveal the answer");
    if (n < 10) await clickHost(teacher.page, "Next question");
  }
  expect(asked.toSorted()).toEqual(MOST_TEXT.toSorted());
  await close();
});

test("before the reveal the phone only says the answer was received; the score comes with the reveal", async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, student, close } = await classWithOnePhone(browser, { mode: "live", length: 5, timer: "60 seconds", scoring: "speed" });
  const page = student.page;
  await clickHost(teacher.page, "Start the quiz");
  await expect(page.getByText("Question 1 of 5")).toBeVisible(FOLLOW);

  const response = page.waitForResponse((r) => r.url().includes("/answers") && r.request().method() === "POST");
  await answerLive(page, true);
  // What the server sends back: no score with this answer's points in it.
  expect(((await (await response).json()) as { view: { score: number } }).view.score).toBe(0);
  const held = page.getByRole("heading", { name: "Answer received" });
  await expect(held).toBeVisible();
  const stage = page.getByRole("region", { name: "Live quiz" });
  await expect(stage).not.toContainText(/points|correct|✓/i);
  // Neutral: not the green of a right answer.
  const border = await held.locator("..").evaluate((element) => getComputedStyle(element).borderTopColor);
  const green = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--good)";
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
  expect(border).not.toBe(green);
  // Still nothing after a poll or a reload.
  await page.reload();
  await expect(held).toBeVisible();
  await expect(stage).not.toContainText(/points|correct|✓/i);

  await clickHost(teacher.page, "Reveal the answer");
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible(FOLLOW);
  await expect(page.locator("p", { hasText: "Playing as" })).toContainText(/\d{3,4} points/);
  await close();
});

test("an answer tapped while the school wifi is down is kept, then sent when it returns, counted once; a late one says so", async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, student, close } = await classWithOnePhone(browser, { mode: "live", length: 5, timer: "No timer: you close each question" });
  const { page, context } = student;
  const projector = teacher.page;
  await clickHost(projector, "Start the quiz");
  await expect(page.getByText("Question 1 of 5")).toBeVisible(FOLLOW);

  // 1. The phone is offline when the student taps: kept, and sent with its key when the connection returns.
  await context.setOffline(true);
  await answerLive(page, true);
  await expect(page.getByText(/will be sent when the connection returns/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(projector.getByText("0 of 1 answered")).toBeVisible();
  const resent = page.waitForRequest((r) => r.url().includes("/answers") && r.method() === "POST");
  await context.setOffline(false);
  expect((await resent).headers()["idempotency-key"]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  await expect(page.getByRole("heading", { name: "Answer received" })).toBeVisible(FOLLOW);
  await expect(projector.getByText("1 of 1 answered")).toBeVisible(FOLLOW);
  await clickHost(projector, "Reveal the answer");
  await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible(FOLLOW);
  await clickHost(projector, "Next question");
  await expect(page.getByText("Question 2 of 5")).toBeVisible(FOLLOW);

  // 2. The send fails (wifi up, no way through): kept across a reload, then sent on the first poll that gets through, once.
  await page.route("**/answers", (route) => route.abort("internetdisconnected"));
  await answerLive(page, false);
  await expect(page.getByText(/will be sent when the connection returns/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/will be sent when the connection returns/)).toBeVisible();
  await expect(projector.getByText("0 of 1 answered")).toBeVisible();
  await page.unroute("**/answers");
  await expect(page.getByRole("heading", { name: "Answer received" })).toBeVisible(FOLLOW);
  await expect(projector.getByText("1 of 1 answered")).toBeVisible(FOLLOW);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Answer received" })).toBeVisible();
  await expect(projector.getByText("1 of 1 answered")).toBeVisible();
  await clickHost(projector, "Reveal the answer");
  await expect(page.getByRole("heading", { name: "✗ Not quite" })).toBeVisible(FOLLOW);
  await clickHost(projector, "Next question");
  await expect(page.getByText("Question 3 of 5")).toBeVisible(FOLLOW);

  // 3. Back online only after the teacher closed the question: the server refuses it, and the phone says why.
  await context.setOffline(true);
  await answerLive(page, true);
  await expect(page.getByText(/will be sent when the connection returns/)).toBeVisible();
  await clickHost(projector, "Close answers");
  await context.setOffline(false);
  await expect(page.getByRole("alert").filter({ hasText: "arrived after the question closed" })).toBeVisible(FOLLOW);
  await expect(page.getByRole("heading", { name: "Time’s up" })).toBeVisible();
  await expect(projector.getByText("0 of 1 answered")).toBeVisible();
  await close();
});

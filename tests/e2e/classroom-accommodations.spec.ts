import { expect, test, type Page } from "@playwright/test";
import { answerLive, currentQuestion } from "./answer-support";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations } from "./support";

/**
 * Accommodations, private to the student: the teacher gives Ann double
 * time and fewer options on the dashboard. Ann keeps answering after her
 * classmates' time is up, her phone shows one wrong option fewer on
 * four-option questions, and neither the projector nor Bob's phone shows
 * anything of it. Ann can also make the text larger on her own phone.
 */

const FOLLOW = { timeout: 3_000 };
const PRIVATE = /extra time|fewer options|untimed/i;

const choiceButtons = (page: Page) => page.locator("form button[name=answer]");
const shapesByChoice = async (page: Page) =>
  Object.fromEntries(await choiceButtons(page).evaluateAll((buttons) => buttons.map((b) => [b.getAttribute("value"), b.getAttribute("data-shape")])));

test("a student with double time and fewer options: only they can tell", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 10, timer: "10 seconds" });
  const [annPhone, bobPhone] = await Promise.all([phone(browser, 0), phone(browser, 1)]);
  const ann = annPhone.page;
  const bob = bobPhone.page;
  await join(ann, code, "Ann", "link");
  await join(bob, code, "Bob", "link");

  // In the lobby, from the dashboard.
  const dashboard = await openDashboard(teacher);
  await expect(dashboard.getByRole("row", { name: /Ann/ })).toBeVisible();
  await dashboard.getByLabel("Time for Ann").selectOption({ label: "Extra time ×2" });
  await dashboard.getByLabel("Fewer options for Ann").check();
  await dashboard.getByRole("button", { name: "Save Ann's accommodations" }).click();
  await expect(dashboard.getByRole("row", { name: /Ann/ }).getByRole("status")).toHaveText("Saved");
  await dashboard.reload();
  await expect(dashboard.getByLabel("Time for Ann")).toHaveValue("2");
  await expect(dashboard.getByLabel("Fewer options for Ann")).toBeChecked();
  await expect(dashboard.getByLabel("Time for Bob")).toHaveValue("none");
  await expectNoAxeViolations(dashboard);
  await dashboard.getByRole("heading", { name: "Students" }).evaluate((heading) => heading.scrollIntoView());
  await dashboard.screenshot({ path: testInfo.outputPath("dashboard-accommodations.png") });

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  for (const page of [ann, bob]) await expect(page.getByText("Question 1 of 10")).toBeVisible(FOLLOW);

  // The class's ten seconds run out: Bob's phone and the projector close, Ann's question stays.
  await expect(bob.getByRole("heading", { name: "Time’s up" })).toBeVisible({ timeout: 15_000 });
  await expect(teacher.page.getByText("Answers closed")).toBeVisible(FOLLOW);
  await ann.waitForTimeout(2_000);
  await expect(ann.locator("input[name=questionId]")).toHaveCount(1);
  await expect(ann.getByRole("heading", { name: "Time’s up" })).toHaveCount(0);
  await answerLive(ann, true);
  await expect(ann.getByRole("heading", { name: "Answer received" })).toBeVisible(FOLLOW);
  for (const page of [bob, teacher.page]) await expect(page.locator("body")).not.toContainText(PRIVATE);

  // On to a four-option question: Ann gets three of them, in the projector's shapes; Bob gets all four.
  for (let n = 2; n <= 10; n += 1) {
    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    await teacher.page.getByRole("button", { name: "Next question", exact: true }).click();
    for (const page of [ann, bob]) await expect(page.getByText(`Question ${n} of 10`)).toBeVisible(FOLLOW);
    const question = await currentQuestion(bob);
    const all = await shapesByChoice(bob);
    const kept = await shapesByChoice(ann);
    if (question.kind === "order" || Object.keys(all).length !== 4) {
      expect(kept).toEqual(all);
      continue;
    }
    expect(Object.keys(kept)).toHaveLength(3);
    expect(Object.keys(kept)).toContain(String(question.answer));
    for (const [choice, shape] of Object.entries(kept)) expect(shape).toBe(all[choice]);
    for (const option of question.options ?? []) await expect(teacher.page.getByText(option.text, { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(ann);
    await ann.screenshot({ path: testInfo.outputPath("phone-fewer-options.png") });
    break;
  }
  for (const page of [bob, teacher.page]) await expect(page.locator("body")).not.toContainText(PRIVATE);

  // Larger text, on Ann's phone only, kept through a reload, and nothing wider than the screen.
  await ann.getByText("Text size and motion").click();
  await ann.getByLabel("Larger text").check();
  const rootSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await expect.poll(() => rootSize(ann)).toBe("20px");
  expect(await rootSize(bob)).toBe("16px");
  await ann.reload();
  await expect.poll(() => rootSize(ann)).toBe("20px");
  expect(await ann.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await ann.screenshot({ path: testInfo.outputPath("phone-larger-text.png"), fullPage: true });

  // Reduced motion, on Ann's phone only: the page stops scrolling smoothly, and kept through a reload.
  const scrolling = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  expect(await scrolling(ann)).toBe("smooth");
  await ann.getByText("Text size and motion").click();
  await ann.getByLabel("Reduce motion").check();
  await expect.poll(() => scrolling(ann)).toBe("auto");
  expect(await scrolling(bob)).toBe("smooth");
  await ann.reload();
  await expect.poll(() => scrolling(ann)).toBe("auto");

  await Promise.all([teacher.context.close(), annPhone.context.close(), bobPhone.context.close()]);
});

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { answerLive, currentQuestion } from "./answer-support";
import { bankQuestion, type BankQuestion } from "./bank";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { forgetSpeech, spokenTexts, stubSpeech } from "./speech-support";
import { expectNoAxeViolations } from "./support";

/**
 * The lesson the classroom issue promised, end to end: the teacher puts two
 * estimates among the ten questions, the class plays in four teams, Ann has
 * double time and fewer options, Ben has each question read aloud, and the
 * CSV afterwards shows the teams, the accommodations and the estimates.
 * With LESSON_SCREENSHOTS=<folder>, each screen is saved there to look at.
 */

const FOLLOW = { timeout: 5_000 };
const STUDENTS = ["Ann", "Ben", "Cai", "Dee", "Eli", "Fay"];
const TEAMS = ["Team 1 · Red ▲", "Team 2 · Blue ●", "Team 3 · Green ■", "Team 4 · Orange ◆"];

async function screenshot(page: Page, name: string) {
  const folder = process.env.LESSON_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png` });
}

/** The questions page's list, as bank questions in the class's order. */
async function chosenQuestions(page: Page): Promise<BankQuestion[]> {
  const ids = await page
    .getByRole("list", { name: "The session’s questions, in order" })
    .locator(":scope > li")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-question-id") ?? ""));
  return ids.map(bankQuestion);
}

const questionHeadings = (page: Page) => page.getByRole("list", { name: "The session’s questions, in order" }).getByRole("heading", { level: 2 });

/** Adds the first question of this kind the bank offers. */
async function addFromBank(page: Page, kind: string) {
  const before = await questionHeadings(page).count();
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await page.getByRole("list", { name: "Questions you can add" }).getByRole("button", { name: /^Add/ }).first().click();
  await expect(questionHeadings(page)).toHaveCount(before + 1);
}

/** Leaves exactly two estimates among the ten: takes out any the draw dealt and the last others, then adds two from the bank. */
async function twoEstimatesOfTen(page: Page) {
  for (;;) {
    const chosen = await chosenQuestions(page);
    const estimate = chosen.findLastIndex((question) => question.kind === "estimate");
    if (estimate < 0 && chosen.length <= 8) break;
    await page.getByRole("button", { name: `Remove question ${(estimate >= 0 ? estimate : chosen.length - 1) + 1}`, exact: true }).click();
    await expect(questionHeadings(page)).toHaveCount(chosen.length - 1);
  }
  while ((await questionHeadings(page).count()) < 8) await addFromBank(page, "Multiple choice");
  for (let added = 0; added < 2; added += 1) await addFromBank(page, "Estimate a number");
  const kinds = (await chosenQuestions(page)).map((question) => question.kind);
  expect(kinds.filter((kind) => kind === "estimate")).toHaveLength(2);
  expect(kinds).toHaveLength(10);
  const list = page.getByRole("list", { name: "The session’s questions, in order" });
  await expect(list.getByText("Estimate a number ·", { exact: false })).toHaveCount(2);
}

async function csvLines(dashboard: Page): Promise<string[]> {
  const [download] = await Promise.all([dashboard.waitForEvent("download"), dashboard.getByRole("link", { name: "Download CSV" }).click()]);
  return readFileSync((await download.path()) ?? "", "utf8").replace(/^\uFEFF/, "").split("\r\n");
}

test("a lesson: two estimates of ten, four teams, double time and fewer options for one student, read-aloud for another, and a CSV with all of it", async ({ browser }) => {
  test.setTimeout(480_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 10, timer: "20 seconds", teams: { count: 4, rule: "average" } });
  const hostUrl = teacher.page.url();

  await teacher.page.goto(`${hostUrl}/questions`);
  await twoEstimatesOfTen(teacher.page);
  await screenshot(teacher.page, "questions-page");
  const plan = await chosenQuestions(teacher.page);
  await teacher.page.goto(hostUrl);

  const phones = await Promise.all(STUDENTS.map((_, i) => phone(browser, i)));
  await stubSpeech(phones[1]!.context);
  for (const [i, { page }] of phones.entries()) await join(page, code, STUDENTS[i] ?? "", "link");
  await expect(teacher.page.getByRole("heading", { name: "6 joined" })).toBeVisible(FOLLOW);
  const [ann, ben, cai] = phones.map(({ page }) => page) as [Page, Page, Page, ...Page[]];

  const dashboard = await openDashboard(teacher);
  await dashboard.getByLabel("Time for Ann").selectOption({ label: "Extra time ×2" });
  await dashboard.getByLabel("Fewer options for Ann").check();
  await dashboard.getByRole("button", { name: "Save Ann's accommodations" }).click();
  await expect(dashboard.getByRole("row", { name: /Ann/ }).getByRole("status")).toHaveText("Saved");

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  for (const [n, planned] of plan.entries()) {
    const place = `Question ${n + 1} of 10`;
    for (const { page } of phones) await expect(page.getByText(place)).toBeVisible(FOLLOW);
    const question = await currentQuestion(ben);
    expect(question.id).toBe(planned.id);

    // Ben hears the question before he answers.
    await forgetSpeech(ben);
    await ben.getByRole("button", { name: "Read the question aloud" }).click();
    expect((await spokenTexts(ben))[0]).toBe(question.prompt);

    // Fewer options: on a four-option question Ann's phone has three; nobody else's does.
    if ((question.options?.length ?? 0) === 4) {
      await expect(ann.locator("form button[name=answer]")).toHaveCount(3);
      await expect(cai.locator("form button[name=answer]")).toHaveCount(4);
    }
    if (question.kind === "estimate") for (const [i, page] of [ann, ben, cai].entries()) await screenshot(page, `phone-${i}-estimate-${n + 1}`);

    if (n === 0) {
      // Double time: the class's 20 seconds run out; Ann's question is still open, and nothing on the other screens says why.
      await Promise.all(phones.slice(1).map(({ page }, i) => answerLive(page, i % 2 === 0)));
      await expect(cai.getByRole("heading", { name: "Answer received" })).toBeVisible();
      await expect(teacher.page.getByText("Answers closed")).toBeVisible({ timeout: 25_000 });
      await expect(ann.getByRole("heading", { name: "Time’s up" })).toHaveCount(0);
      for (const page of [cai, teacher.page]) await expect(page.locator("body")).not.toContainText(/extra time|fewer options/i);
      await answerLive(ann, true);
    } else {
      await Promise.all(phones.map(({ page }, i) => answerLive(page, i === 0 || i % 2 === 1)));
    }
    await expect(ann.getByRole("heading", { name: "Answer received" })).toBeVisible(FOLLOW);
    await expect(teacher.page.getByText("6 of 6 answered")).toBeVisible(FOLLOW);
    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    if (question.kind === "estimate") await screenshot(teacher.page, `projector-estimate-${n + 1}`);
    await expect(ann.getByRole("heading", { name: /Correct|Not quite|Close/ })).toBeVisible(FOLLOW);
    if (n < 9) await teacher.page.getByRole("button", { name: "Next question", exact: true }).click();
  }

  await dashboard.reload();
  await expect(dashboard.getByRole("table", { name: "Team standings" })).toBeVisible();
  await expectNoAxeViolations(dashboard);
  await screenshot(dashboard, "dashboard-after");
  const csv = await csvLines(dashboard);
  const header = csv[0] ?? "";
  expect(header).toMatch(/^"Nickname","Team","Status",/);
  expect(header).toMatch(/,"Accommodations"$/);
  const rowOf = (name: string) => csv.find((line) => line.startsWith(`"${name}",`)) ?? "";
  // Ann: her team, all ten right, her accommodations; Ben's row has none.
  expect(rowOf("Ann")).toMatch(new RegExp(`^"Ann","${TEAMS[0]}","",\\d+,10,10,10,`));
  expect(rowOf("Ann")).toMatch(/,"extra time ×2; fewer options"$/);
  expect(rowOf("Ben")).toMatch(/,""$/);
  // The estimates' columns hold numbers with their units.
  for (const [n, planned] of plan.entries()) {
    if (planned.kind !== "estimate") continue;
    expect(header).toContain(`"Q${n + 1}: `);
    expect(rowOf("Ann")).toContain(`"✓ ${Number(planned.answer).toLocaleString("en-GB")} ${planned.unit ?? ""}"`);
  }
  for (const team of TEAMS) expect(csv.some((line) => line.startsWith(`"${team}",`))).toBe(true);
  for (const context of [teacher.context, ...phones.map((p) => p.context)]) await context.close();
});

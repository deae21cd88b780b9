import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { answerLive, answerWithQuizForm } from "./answer-support";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * A teacher on a laptop and three students on phones, each in their own
 * browser context (separate cookies, as on separate devices), for both
 * kinds of session. The phones must follow the teacher within two seconds.
 */

// Each test opens its own laptop and phone contexts; playwright.config.ts runs this file in one project.

/** Phones poll once a second: every teacher action must show on them within two. */
const FOLLOW = { timeout: 2_000 };

async function clickHost(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

test("a live session: join by link, code and generated name, reload mid-question, reveal, podium, CSV", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 5, timer: "No timer: you close each question", scoring: "speed" });
  await expect(teacher.page.getByRole("img", { name: /QR code that opens .*\/classroom\/join\?code=/ })).toBeVisible();
  await expectNoAxeViolations(teacher.page);

  const students = await Promise.all([0, 1, 2].map((i) => phone(browser, i)));
  const [ann, bob, gen] = students.map((s) => s.page) as [Page, Page, Page];
  await Promise.all([join(ann, code, "Ann", "link"), join(bob, code, "Bob", "typed"), join(gen, code, "", "link")]);
  await expect(ann.getByRole("heading", { name: "You’re in!" })).toBeVisible();
  await expectNoAxeViolations(ann);
  await expectNoHorizontalScroll(ann);
  const generated = (await gen.locator("p", { hasText: "Playing as" }).locator("strong").textContent()) ?? "";
  expect(generated).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);

  // The projector lists the nicknames as they join.
  const roster = teacher.page.getByRole("list", { name: "Players" });
  for (const name of ["Ann", "Bob", generated]) await expect(roster).toContainText(name);

  await clickHost(teacher.page, "Start the quiz");
  for (const page of [ann, bob, gen]) await expect(page.getByText("Question 1 of 5")).toBeVisible(FOLLOW);
  await expectNoAxeViolations(ann);
  await expectNoHorizontalScroll(ann);

  // Bob's phone reloads before he answers: same player, same question.
  await bob.reload();
  await expect(bob.getByText("Question 1 of 5")).toBeVisible();
  await expect(bob.locator("p", { hasText: "Playing as" })).toContainText("Bob");

  await answerLive(ann, true);
  await answerLive(bob, false);
  await expect(ann.getByRole("heading", { name: "Answer received" })).toBeVisible();
  // A reload after answering keeps the answer: it is not asked again.
  await ann.reload();
  await expect(ann.getByRole("heading", { name: "Answer received" })).toBeVisible();
  await expect(teacher.page.getByText("2 of 3 answered")).toBeVisible(FOLLOW);

  await clickHost(teacher.page, "Close answers");
  await expect(gen.getByRole("heading", { name: "Time’s up" })).toBeVisible(FOLLOW);
  await clickHost(teacher.page, "Reveal the answer");
  await expect(ann.getByRole("heading", { name: "✓ Correct" })).toBeVisible(FOLLOW);
  await expect(bob.getByRole("heading", { name: "✗ Not quite" })).toBeVisible(FOLLOW);
  await expect(gen.getByRole("heading", { name: "You didn’t answer this one" })).toBeVisible(FOLLOW);
  await expect(ann.getByText("the right answer")).toBeAttached();
  await expectNoAxeViolations(ann);
  await expectNoAxeViolations(teacher.page);
  // Phones in dark mode too (the colours of the chart and the marks).
  await bob.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(bob);

  await clickHost(teacher.page, "Show the top five");
  await expect(ann.getByText("You are 1st")).toBeVisible(FOLLOW);

  for (let n = 2; n <= 5; n += 1) {
    await clickHost(teacher.page, "Next question");
    for (const page of [ann, bob, gen]) await expect(page.getByText(`Question ${n} of 5`)).toBeVisible(FOLLOW);
    await Promise.all([answerLive(ann, true), answerLive(bob, n % 2 === 0), answerLive(gen, false)]);
    await expect(teacher.page.getByText("3 of 3 answered")).toBeVisible(FOLLOW);
    await clickHost(teacher.page, "Reveal the answer");
    await expect(ann.getByRole("heading", { name: "✓ Correct" })).toBeVisible(FOLLOW);
  }
  await clickHost(teacher.page, "Show the podium");
  await expect(teacher.page.getByRole("list", { name: "Podium" })).toContainText("Ann");
  await expect(ann.getByText(/You finished 1st of 3/)).toBeVisible(FOLLOW);
  await expect(gen.getByText(/You finished 3rd of 3/)).toBeVisible(FOLLOW);
  await expectNoAxeViolations(ann);

  // The CSV: UTF-8 with a BOM, one row per student.
  const dashboard = await openDashboard(teacher);
  await expect(dashboard.getByRole("heading", { name: "Class dashboard" })).toBeVisible();
  await expectNoAxeViolations(dashboard);
  const download = await Promise.all([dashboard.waitForEvent("download"), dashboard.getByRole("link", { name: "Download CSV" }).click()]).then(([d]) => d);
  expect(download.suggestedFilename()).toMatch(/^classroom-[A-Z2-9]{4}-[A-Z2-9]{4}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  expect(csv.startsWith("\uFEFF\"Nickname\"")).toBe(true);
  expect(csv).toContain('"Ann","",1,');
  // The students, a blank row, then a header and one row per question.
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 3 + 1 + 5);

  await dashboard.getByRole("link", { name: "Follow-up sheet" }).click();
  await expect(dashboard.getByRole("heading", { name: /^Question \d: / }).first()).toBeVisible();
  await expectNoAxeViolations(dashboard);

  for (const context of [teacher.context, ...students.map((s) => s.context)]) await context.close();
});

test("a removed student cannot come back, by reloading, rejoining or clearing cookies", async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 5, timer: "20 seconds" });
  const students = await Promise.all([0, 1, 2].map((i) => phone(browser, i)));
  const [ann, troll, cat] = students.map((s) => s.page) as [Page, Page, Page];
  await Promise.all([join(ann, code, "Ann", "link"), join(troll, code, "Troll", "link"), join(cat, code, "Cat", "typed")]);
  await clickHost(teacher.page, "Start the quiz");
  await expect(troll.getByText("Question 1 of 5")).toBeVisible(FOLLOW);
  // The timer counts down on the phone.
  await expect(ann.getByRole("timer")).toHaveText(/\d+ s left/);

  const dashboard = await openDashboard(teacher);
  dashboard.once("dialog", (dialog) => void dialog.accept());
  await dashboard.getByRole("button", { name: "Remove Troll" }).click();
  await expect(dashboard.getByRole("row", { name: /Troll \(removed\)/ })).toBeVisible();

  // The phone learns it at its next poll, and a reload does not undo it.
  await expect(troll.getByRole("heading", { name: "You are no longer in this session" })).toBeVisible(FOLLOW);
  await troll.reload();
  await expect(troll.getByText(/removed you/)).toBeVisible();
  // The join link brings them to the same refusal.
  await troll.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  await expect(troll.getByText(/removed you/)).toBeVisible();
  // With cookies cleared, the nickname stays taken…
  await students[1]?.context.clearCookies();
  await troll.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  await troll.getByLabel("Your nickname").fill("Troll");
  await troll.getByRole("button", { name: "Join" }).click();
  await expect(troll.getByText("Someone in this class already has that name", { exact: false })).toBeVisible();
  // …and once the teacher locks the session, no one new gets in at all.
  await dashboard.getByRole("button", { name: "Lock to new joins" }).click();
  await expect(dashboard.getByText("locked to new joins")).toBeVisible();
  await troll.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  await expect(troll.getByText(/has locked this session/)).toBeVisible();
  // The others play on.
  await answerLive(ann, true);
  await expect(ann.getByRole("heading", { name: "Answer received" })).toBeVisible();
  await expect(cat.getByText("Question 1 of 5")).toBeVisible();

  for (const context of [teacher.context, ...students.map((s) => s.context)]) await context.close();
});

test("homework: students work at their own pace, a reload resumes, the dashboard fills in", async ({ browser }) => {
  test.setTimeout(150_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "homework", length: 5 });
  await expect(teacher.page.getByText(/^Due /)).toBeVisible();
  const students = await Promise.all([0, 1, 2].map((i) => phone(browser, i)));
  const pages = students.map((s) => s.page);
  const first = pages[0] as Page;
  await Promise.all(pages.map((page, i) => join(page, code, `Pupil ${i + 1}`, i === 1 ? "typed" : "link")));
  await expectNoAxeViolations(first);

  await Promise.all(
    pages.map(async (page, i) => {
      for (let n = 1; n <= 5; n += 1) {
        await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
        // The second student's phone reloads in the middle: they carry on from question 3.
        if (i === 1 && n === 3) {
          await page.reload();
          await expect(page.getByText("Question 3 of 5")).toBeVisible();
        }
        await answerWithQuizForm(page, i === 0 || n <= i);
        await expect(page.getByRole("heading", { name: /✓ Correct|✗ Not quite/ })).toBeVisible();
        await page.getByRole("button", { name: n < 5 ? "Next question" : "See your result" }).click();
      }
      await expect(page.getByRole("heading", { name: "You’ve finished" })).toBeVisible();
    }),
  );
  await expect(first.locator(".score")).toHaveText("5/5");
  await expect(first.getByText("1st of the 3 in your class")).toBeVisible();
  await expectNoAxeViolations(first);
  await expectNoHorizontalScroll(first);

  const dashboard = await openDashboard(teacher);
  const table = dashboard.getByRole("region", { name: /Students and their answers/ });
  await expect(table.getByRole("row", { name: /Pupil 1/ })).toContainText("5 correct");
  await expect(dashboard.getByRole("region", { name: /Questions: the class against everyone/ })).toContainText("%");
  await expectNoAxeViolations(dashboard);

  for (const context of [teacher.context, ...students.map((s) => s.context)]) await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a student joins by code and answers homework with plain forms", async ({ browser, page }) => {
    test.setTimeout(60_000);
    const teacher = await laptop(browser);
    const code = await createSession(teacher.page, { mode: "homework", length: 5 });
    await join(page, code, "No Script", "typed");
    await answerWithQuizForm(page, true);
    await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
    await page.getByRole("link", { name: "Next question" }).click();
    await expect(page.getByText("Question 2 of 5")).toBeVisible();
    await teacher.context.close();
  });
});

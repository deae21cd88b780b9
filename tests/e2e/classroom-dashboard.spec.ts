import { expect, test, type Browser, type Page } from "@playwright/test";
import { answerLive, answerWithQuizForm } from "./answer-support";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations, questionHeading } from "./support";

/**
 * The teacher's dashboard keeps up by itself: every five seconds it looks at
 * what the class is doing (live: the class's shared state, one cached copy
 * for the class, a 304 while nothing changed; homework: the teacher's own
 * view) and reads every student again only when that moved, so a dashboard
 * left open on a quiet class costs the store nothing, or two commands a look
 * for homework (components/classroom/auto-refresh.tsx).
 */

/** The dashboard looks every 5 s; the shared copy can be a second old. */
const KEEPS_UP = { timeout: 9_000 };

/** Counts the dashboard's re-renders (router.refresh: an RSC request for the page itself) and its looks at the class. */
function watchRequests(dashboard: Page) {
  const counts = { rerenders: 0, looks: 0 };
  const path = new URL(dashboard.url()).pathname;
  dashboard.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === path && request.headers()["rsc"] === "1") counts.rerenders += 1;
    if (url.pathname.endsWith("/live") || url.pathname.endsWith("/host/state")) counts.looks += 1;
  });
  return counts;
}

/** Once the last change has shown, nothing moves for two and a half looks: the dashboard keeps looking, and reads nothing. */
async function expectStill(dashboard: Page, counts: ReturnType<typeof watchRequests>) {
  await dashboard.waitForTimeout(6_000);
  const still = { ...counts };
  await dashboard.waitForTimeout(12_500);
  expect(counts.rerenders - still.rerenders, "re-reads of every student").toBe(0);
  expect(counts.looks - still.looks, "looks at the class").toBeGreaterThanOrEqual(2);
  return still;
}

/** A new session on the teacher's laptop with its dashboard open; a student on a phone joins, and their row shows there by itself. */
async function joinedWithDashboardOpen(browser: Browser, options: Parameters<typeof createSession>[1], nickname: string) {
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, options);
  const dashboard = await openDashboard(teacher);
  const counts = watchRequests(dashboard);
  const student = await phone(browser, options.mode === "live" ? 0 : 1);
  await join(student.page, code, nickname, "typed");
  const row = dashboard.getByRole("row", { name: new RegExp(nickname) });
  await expect(row).toBeVisible(KEEPS_UP);
  return { teacher, student, dashboard, counts, row };
}

test("the dashboard shows a join and an answer without a reload, and re-reads nothing while the class is still", async ({ browser }) => {
  test.setTimeout(120_000);
  // No timer: a question closing by itself would be a change too.
  const { teacher, student, dashboard, counts, row: ann } = await joinedWithDashboardOpen(browser, { mode: "live", length: 5, timer: "No timer: you close each question" }, "Ann");

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  await answerLive(student.page, true);
  await expect(ann.getByRole("cell", { name: /^✓ / })).toBeVisible(KEEPS_UP);
  await expectNoAxeViolations(dashboard);

  const still = await expectStill(dashboard, counts);

  // The teacher's next move shows again.
  await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
  await expect.poll(() => counts.rerenders - still.rerenders, KEEPS_UP).toBeGreaterThan(0);

  for (const context of [teacher.context, student.context]) await context.close();
});

test("homework: the dashboard shows each answer without a reload, and re-reads nothing while no one answers", async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, student, dashboard, counts, row: bea } = await joinedWithDashboardOpen(browser, { mode: "homework", length: 5 }, "Bea");
  await answerWithQuizForm(student.page, true);
  await expect(bea.getByRole("cell", { name: /^✓ / })).toBeVisible(KEEPS_UP);

  await expectStill(dashboard, counts);

  await student.page.getByRole("button", { name: "Next question" }).click();
  await expect(questionHeading(student.page, 2, 5)).toBeVisible();
  await answerWithQuizForm(student.page, false);
  await expect(bea.getByRole("cell", { name: /^✗ / })).toBeVisible(KEEPS_UP);
  await expectNoAxeViolations(dashboard);

  for (const context of [teacher.context, student.context]) await context.close();
});

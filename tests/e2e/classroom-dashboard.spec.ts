import { expect, test, type Page } from "@playwright/test";
import { answerLive } from "./answer-support";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations } from "./support";

/**
 * The teacher's dashboard during a live session keeps up by itself: it
 * looks at the class's shared state every five seconds (one cached copy for
 * the class, a 304 while nothing changed) and reads every student again only
 * when that state moved, so a dashboard left open on a quiet class costs the
 * store nothing (components/classroom/auto-refresh.tsx).
 */

/** The dashboard looks every 5 s; the shared copy can be a second old. */
const KEEPS_UP = { timeout: 9_000 };

/** Counts the dashboard's re-renders (router.refresh: an RSC request for the page itself) and its looks at the shared state. */
function watchRequests(dashboard: Page) {
  const counts = { rerenders: 0, looks: 0 };
  const path = new URL(dashboard.url()).pathname;
  dashboard.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === path && request.headers()["rsc"] === "1") counts.rerenders += 1;
    if (url.pathname.endsWith("/live")) counts.looks += 1;
  });
  return counts;
}

test("the dashboard shows a join and an answer without a reload, and re-reads nothing while the class is still", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await laptop(browser);
  // No timer: a question closing by itself would be a change too.
  const code = await createSession(teacher.page, { mode: "live", length: 5, timer: "No timer: you close each question" });
  const dashboard = await openDashboard(teacher);
  const counts = watchRequests(dashboard);

  const student = await phone(browser, 0);
  await join(student.page, code, "Ann", "typed");
  const ann = dashboard.getByRole("row", { name: /Ann/ });
  await expect(ann).toBeVisible(KEEPS_UP);

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  await answerLive(student.page, true);
  await expect(ann.getByRole("cell", { name: /^✓ / })).toBeVisible(KEEPS_UP);
  await expectNoAxeViolations(dashboard);

  // Once the answer has shown, nothing moves for two and a half looks: the dashboard keeps looking, and reads nothing.
  await dashboard.waitForTimeout(6_000);
  const still = { ...counts };
  await dashboard.waitForTimeout(12_500);
  expect(counts.rerenders - still.rerenders, "re-reads of every student").toBe(0);
  expect(counts.looks - still.looks, "looks at the shared state").toBeGreaterThanOrEqual(2);

  // The teacher's next move shows again.
  await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
  await expect.poll(() => counts.rerenders - still.rerenders, KEEPS_UP).toBeGreaterThan(0);

  for (const context of [teacher.context, student.context]) await context.close();
});

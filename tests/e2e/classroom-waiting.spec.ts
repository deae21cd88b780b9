import { expect, test, type Browser, type Page } from "@playwright/test";
import { api } from "@/lib/classroom/paths";
import { HOST_LISTS, WAITING_ROOM } from "@/lib/classroom/settings";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * The waiting room (lib/classroom/waiting-room.ts), as a teacher and a phone
 * see it: the teacher asks to let new players in, a phone that joins waits
 * and says so, and moves on by itself once the teacher lets everyone in. And
 * a script over HTTP from one address: past its straight-in seats its joins
 * wait, and the teacher turns them away and clears the burst, one action each.
 */

/** A waiting phone asks every two seconds: it must move on within a few. */
const MOVES_ON = { timeout: 6_000 };

const sessionIdOf = (page: Page) => new URL(page.url()).pathname.split("/")[3] ?? "";

/**
 * Joins sent over HTTP, one after another, each a new player (no cookie): the statuses (201 seated, 202 waiting).
 * `nickname(i)` undefined asks for a generated name; `address(i)`, when given, is the phone's own network
 * (the server trusts one proxy hop here), otherwise every join comes from this one address.
 */
async function joinsOverHttp(
  origin: string,
  sessionId: string,
  count: number,
  { nickname = () => undefined, address }: { nickname?: (i: number) => string | undefined; address?: (i: number) => string },
) {
  const statuses = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${origin}${api.players(sessionId)}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(address ? { "x-forwarded-for": address(i) } : {}) },
      body: JSON.stringify({ nickname: nickname(i) }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

/** A new live session on the teacher's laptop (the projector), with its dashboard open beside it. */
async function liveSessionDashboard(browser: Browser) {
  const teacher = await laptop(browser);
  await createSession(teacher.page, { mode: "live", length: 5 });
  const sessionId = sessionIdOf(teacher.page);
  return { teacher, sessionId, dashboard: await openDashboard(teacher) };
}

/** The teacher's answer to a confirm() dialog: yes. */
const acceptDialogs = (page: Page) => page.on("dialog", (dialog) => void dialog.accept());

test("asked first, a phone waits until the teacher lets everyone in, then moves on by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 5 });
  const dashboard = await openDashboard(teacher);
  const ask = dashboard.getByRole("button", { name: "Ask me before letting new players in" });
  await expect(ask).toHaveAttribute("aria-pressed", "false");
  await ask.click();
  await expect(ask).toHaveAttribute("aria-pressed", "true");

  const student = await phone(browser, 0);
  await join(student.page, code, "Wren", "typed");
  await expect(student.page.getByText("Waiting for your teacher to let you in")).toBeVisible();
  await student.page.screenshot({ path: "test-results/waiting-phone-320.png" });
  await expectNoAxeViolations(student.page);
  await expectNoHorizontalScroll(student.page);

  // The dashboard lists who waits; the projector counts them.
  await dashboard.reload();
  const waiting = dashboard.getByRole("list", { name: "Players waiting to join" });
  await expect(waiting).toContainText("Wren");
  await expect(teacher.page.getByText("1 waiting to join")).toBeVisible();
  await teacher.page.screenshot({ path: "test-results/waiting-projector-1366.png", fullPage: true });
  await expectNoAxeViolations(dashboard);
  await dashboard.getByRole("heading", { name: "Waiting to join: 1" }).scrollIntoViewIfNeeded();
  await dashboard.screenshot({ path: "test-results/waiting-room-1366.png" });

  // The same dashboard on a 320 px phone: every button reachable, nothing sideways.
  await dashboard.setViewportSize({ width: 320, height: 568 });
  await expectNoHorizontalScroll(dashboard);
  await waiting.scrollIntoViewIfNeeded();
  await dashboard.screenshot({ path: "test-results/waiting-room-320.png" });

  // Keyboard: focus "Let all 1 in" and press Enter.
  await dashboard.getByRole("button", { name: "Let all 1 in" }).focus();
  await dashboard.keyboard.press("Enter");
  await expect(student.page.getByRole("heading", { name: "You’re in!" })).toBeVisible(MOVES_ON);
  await expect(teacher.page.getByRole("list", { name: "Players" })).toContainText("Wren");
});

test("a script from one address: past its straight-in seats its joins wait; the teacher turns them away and clears the burst", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { sessionId, dashboard } = await liveSessionDashboard(browser);
  acceptDialogs(dashboard);

  // Cookie-less joins with generated names, as a script sends them.
  const extra = 5;
  const statuses = await joinsOverHttp(`${baseURL}`, sessionId, WAITING_ROOM.straightInSeats + extra, {});
  expect(statuses.filter((status) => status === 201)).toHaveLength(WAITING_ROOM.straightInSeats);
  expect(statuses.filter((status) => status === 202)).toHaveLength(extra);

  await dashboard.reload();
  await expect(dashboard.getByRole("heading", { name: `Waiting to join: ${extra}` })).toBeVisible();
  await dashboard.getByRole("button", { name: `Turn all ${extra} away` }).click();
  await expect(dashboard.getByRole("heading", { name: "Who can join" })).toBeVisible();

  const clear = dashboard.getByRole("button", { name: `Remove the ${WAITING_ROOM.straightInSeats} players who joined in the last minute` });
  await clear.click();
  await expect(clear).toBeHidden();
  await expect(dashboard.locator('dt:text-is("Students") + dd')).toHaveText("0");
});

test("an assembly behind one school address: past the straight-in seats everyone waits, the list names the first ones and counts the rest, and one “Let all in” seats them all", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { teacher, sessionId, dashboard } = await liveSessionDashboard(browser);

  // Phones on the school's Wi-Fi: one address, each with a name of its own.
  const waitingCount = HOST_LISTS.waitingNamed + 12;
  const total = WAITING_ROOM.straightInSeats + waitingCount;
  const statuses = await joinsOverHttp(`${baseURL}`, sessionId, total, { nickname: (i) => `Pupil ${i + 1}` });
  expect(statuses.filter((status) => status === 201)).toHaveLength(WAITING_ROOM.straightInSeats);
  expect(statuses.filter((status) => status === 202)).toHaveLength(waitingCount);

  await dashboard.reload();
  await expect(dashboard.getByRole("heading", { name: `Waiting to join: ${waitingCount}` })).toBeVisible();
  const list = dashboard.getByRole("list", { name: "Players waiting to join" });
  await expect(list.getByRole("listitem")).toHaveCount(HOST_LISTS.waitingNamed);
  await expect(list).toContainText(`Pupil ${WAITING_ROOM.straightInSeats + 1}`);
  await expect(dashboard.getByText("12 more waiting after these. “Let all in” and “Turn all away” include them.")).toBeVisible();
  await expect(teacher.page.getByText(`${waitingCount} waiting to join`)).toBeVisible();
  await expectNoAxeViolations(dashboard);
  await dashboard.getByText("12 more waiting after these").scrollIntoViewIfNeeded();
  await dashboard.screenshot({ path: "test-results/waiting-assembly-1366.png" });

  await dashboard.getByRole("button", { name: `Let all ${waitingCount} in` }).click();
  await expect(dashboard.getByRole("heading", { name: "Who can join" })).toBeVisible();
  await expect(dashboard.locator('dt:text-is("Students") + dd')).toHaveText(String(total));
});

test("a class past a hundred: the projector names the latest hundred and counts the rest, and the dashboard pages its students a hundred at a time", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { teacher, sessionId, dashboard } = await liveSessionDashboard(browser);
  const per = HOST_LISTS.studentsPerPage;
  const total = per + 30;
  // Phones on networks of their own, so every one walks straight in.
  const statuses = await joinsOverHttp(`${baseURL}`, sessionId, total, { nickname: (i) => `Pupil ${i + 1}`, address: (i) => `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}` });
  expect(statuses.filter((status) => status === 201)).toHaveLength(total);

  // The projector: the latest hundred by name, the newest among them, and a count of the others.
  const roster = teacher.page.getByRole("list", { name: "Players" });
  await expect(teacher.page.getByText(`${total - HOST_LISTS.rosterNamed} joined before the players named here.`)).toBeVisible();
  await expect(roster.getByRole("listitem")).toHaveCount(HOST_LISTS.rosterNamed);
  await expect(roster.getByRole("listitem").first()).toHaveText(new RegExp(`^Pupil ${total - HOST_LISTS.rosterNamed + 1}✕`));
  await expect(roster.getByRole("listitem").last()).toHaveText(new RegExp(`^Pupil ${total}✕`));
  await teacher.page.screenshot({ path: "test-results/roster-named-1366.png" });

  await dashboard.reload();
  const students = dashboard.getByRole("region", { name: "Students and their answers (✓ right, ✗ wrong)" });
  await expect(dashboard.getByText(`Students 1–${per} of ${total}, by rank`)).toBeVisible();
  await expect(students.locator("tbody tr")).toHaveCount(per);
  await dashboard.getByRole("link", { name: "Next 30" }).click();
  // The next page opens at its students, not at the top of the dashboard.
  await expect(dashboard.getByText(`Students ${per + 1}–${total} of ${total}, by rank`)).toBeInViewport();
  await expect(students.locator("tbody tr")).toHaveCount(30);
  await expect(dashboard.getByRole("link", { name: `Previous ${per}` })).toBeVisible();
  await expectNoAxeViolations(dashboard);
  await dashboard.setViewportSize({ width: 320, height: 568 });
  await expectNoHorizontalScroll(dashboard);
  await dashboard.getByRole("navigation", { name: "Pages of students" }).scrollIntoViewIfNeeded();
  await dashboard.screenshot({ path: "test-results/dashboard-pages-320.png" });
});

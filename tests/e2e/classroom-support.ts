import { devices, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { networkOfItsOwn } from "./support";

/**
 * Shared steps of the classroom specs: a teacher on a laptop, students on
 * phones (each in its own browser context, so cookies are separate, as on
 * separate devices).
 */

/** A device preset as context options (the preset's browser type is the project's choice, not ours). */
function deviceOptions(name: string) {
  const { defaultBrowserType, ...options } = devices[name] ?? {};
  void defaultBrowserType;
  return options;
}

/** Students take turns on the smallest phone the site supports (320×568), an iPhone and a Pixel. */
const PHONES = [
  { ...deviceOptions("Galaxy S9+"), viewport: { width: 320, height: 568 } },
  deviceOptions("iPhone 13"),
  deviceOptions("Pixel 7"),
];

export async function phone(browser: Browser, index: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONES[index % PHONES.length]);
  return { context, page: await context.newPage() };
}

/**
 * The teacher's laptop, driving a classroom projector at 1366×768, on its
 * school's own network: the whole suite's teachers are not one client
 * creating dozens of sessions an hour (lib/classroom/limits.ts).
 */
export async function laptop(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...deviceOptions("Desktop Chrome"),
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    extraHTTPHeaders: { "x-forwarded-for": networkOfItsOwn() },
  });
  return { context, page: await context.newPage() };
}

/** The projector's Dashboard link opens a new tab, so the class stays on the question: returns that tab. */
export async function openDashboard(teacher: { context: BrowserContext; page: Page }): Promise<Page> {
  const [dashboard] = await Promise.all([
    teacher.context.waitForEvent("page"),
    teacher.page.getByRole("link", { name: /^Dashboard/ }).click(),
  ]);
  await dashboard.waitForLoadState();
  return dashboard;
}

/** Play in teams: how many, whether students choose theirs (or the site balances them), and how a team's answer counts. */
export interface TeamOptions {
  count: number;
  chosen?: boolean;
  rule: "first" | "average";
}

/** Creates a session from /classroom and returns the join code shown on the projector. */
export async function createSession(
  page: Page,
  options: { mode: "live" | "homework"; length: 5 | 10 | 20; timer?: string; scoring?: "accuracy" | "speed"; teams?: TeamOptions },
): Promise<string> {
  await page.goto("/classroom");
  await page.getByLabel(options.mode === "live" ? /^Live, in class/ : /^Homework:/).check();
  await page.getByLabel(`${options.length} questions`).check();
  if (options.timer) await page.getByLabel("Time per question").selectOption({ label: options.timer });
  if (options.scoring) await page.getByLabel(options.scoring === "speed" ? /^Speed bonus/ : /^Accuracy only/).check();
  if (options.teams) {
    await page.getByLabel("Teams", { exact: true }).selectOption({ label: `${options.teams.count} teams` });
    await page.getByLabel(options.teams.chosen ? /^Each student chooses a team/ : /^The site puts each student/).check();
    await page.getByLabel(options.teams.rule === "average" ? /^Average/ : /^First answer/).check();
  }
  await page.getByRole("button", { name: "Create the session" }).click();
  await expect(page).toHaveURL(/\/classroom\/host\/[A-Za-z0-9_-]{22}$/);
  const code = (await page.locator("strong", { hasText: /^[A-Z2-9]{4} [A-Z2-9]{4}$/ }).first().textContent()) ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
  return code;
}

/** Joins with the code: typed on the join page, or through the QR code's link. Empty nickname: a generated one. */
export async function join(page: Page, code: string, nickname: string, via: "typed" | "link"): Promise<void> {
  if (via === "link") {
    await page.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  } else {
    await page.goto("/classroom/join");
    await page.getByLabel("Code").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByLabel("Your nickname").fill(nickname);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(/\/classroom\/play\//);
}

/**
 * On the questions page, makes the session's questions exactly these (in the
 * bank's order for any the draw had not dealt), then goes back to the
 * projector. Each change is the teacher's own button: Add, then Remove.
 */
export async function chooseQuestions(page: Page, ids: readonly string[]): Promise<void> {
  const hostUrl = page.url();
  await page.goto(`${hostUrl}/questions`);
  const chosen = page.getByRole("list", { name: "The session’s questions, in order" }).locator(":scope > li");
  const chosenIds = () => chosen.evaluateAll((items) => items.map((item) => item.getAttribute("data-question-id") ?? ""));
  for (const id of ids) {
    const before = await chosenIds();
    if (before.includes(id)) continue;
    await page.getByRole("list", { name: "Questions you can add" }).locator(`li[data-question-id="${id}"]`).getByRole("button", { name: /^Add/ }).click();
    await expect(chosen).toHaveCount(before.length + 1);
  }
  for (;;) {
    const now = await chosenIds();
    const extra = now.findIndex((id) => !ids.includes(id));
    if (extra < 0) break;
    await page.getByRole("button", { name: `Remove question ${extra + 1}`, exact: true }).click();
    await expect(chosen).toHaveCount(now.length - 1);
  }
  await page.goto(hostUrl);
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { devices, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { placeInOrder } from "./order-support";

/**
 * Shared steps of the classroom specs: a teacher on a laptop, students on
 * phones (each in its own browser context, so cookies are separate, as on
 * separate devices), and answering as someone who knows the key.
 */

interface BankQuestion {
  id: string;
  kind: "single" | "true-false" | "order" | "who-said";
  answer?: string | boolean;
  options?: { id: string; text: string }[];
  items?: { id: string; text: string }[];
}

const bank = new Map<string, BankQuestion>(
  readdirSync(path.join("content", "quiz"))
    .filter((name) => name.endsWith(".json"))
    .flatMap((name) => JSON.parse(readFileSync(path.join("content", "quiz", name), "utf8")) as BankQuestion[])
    .map((question) => [question.id, question]),
);

function question(id: string): BankQuestion {
  const found = bank.get(id);
  if (!found) throw new Error(`question ${id} is not in the bank`);
  return found;
}

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

/** The teacher's laptop, driving a classroom projector at 1366×768. */
export async function laptop(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...deviceOptions("Desktop Chrome"),
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
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

/** Creates a session from /classroom and returns the join code shown on the projector. */
export async function createSession(
  page: Page,
  options: { mode: "live" | "homework"; length: 5 | 10 | 20; timer?: string; scoring?: "accuracy" | "speed" },
): Promise<string> {
  await page.goto("/classroom");
  await page.getByLabel(options.mode === "live" ? /^Live, in class/ : /^Homework:/).check();
  await page.getByLabel(`${options.length} questions`).check();
  if (options.timer) await page.getByLabel("Time per question").selectOption({ label: options.timer });
  if (options.scoring) await page.getByLabel(options.scoring === "speed" ? /^Speed bonus/ : /^Accuracy only/).check();
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

/** The key (or a wrong answer) for the question on screen, given by its form's hidden questionId. */
async function currentQuestion(page: Page): Promise<BankQuestion> {
  return question(await page.locator("input[name=questionId]").inputValue());
}

/** Puts an ordering question's items in the right order, or reversed. */
async function fillOrder(page: Page, q: BankQuestion, correct: boolean): Promise<void> {
  const texts = (q.items ?? []).map((item) => item.text);
  await placeInOrder(page, correct ? texts : [...texts].reverse());
}

/** Answers the live question on screen: one tap on a choice, or the items in order and "Send". */
export async function answerLive(page: Page, correct: boolean): Promise<void> {
  const q = await currentQuestion(page);
  if (q.kind === "order") {
    await fillOrder(page, q, correct);
    await page.getByRole("button", { name: "Send my answer" }).click();
    return;
  }
  const choices = q.kind === "true-false" ? [{ id: "true", text: "True" }, { id: "false", text: "False" }] : (q.options ?? []);
  const key = String(q.answer);
  const choice = choices.find((c) => (correct ? c.id === key : c.id !== key));
  await page.getByRole("button", { name: choice?.text ?? "", exact: true }).click();
}

/** Answers the homework question on screen with the quiz's form. */
export async function answerHomework(page: Page, correct: boolean): Promise<void> {
  const q = await currentQuestion(page);
  if (q.kind === "order") {
    await fillOrder(page, q, correct);
  } else {
    const values = q.kind === "true-false" ? ["true", "false"] : (q.options ?? []).map((option) => option.id);
    const key = String(q.answer);
    await page.locator(`input[type=radio][value="${correct ? key : values.find((v) => v !== key)}"]`).check();
  }
  await page.getByRole("button", { name: "Check answer" }).click();
}

import { expect, test } from "@playwright/test";
import { createSession, join, laptop, phone } from "./classroom-support";
import { expectNoAxeViolations } from "./support";

/** The teacher's questions: reorder and swap before the class starts, the phones get that order; preview; share links. */

const prompts = async (page: import("@playwright/test").Page) =>
  (await page.getByRole("list", { name: "The session’s questions, in order" }).getByRole("heading", { level: 2 }).allTextContents()).map((text) => text.replace(/^\d+\.\s*/, ""));

test.setTimeout(90_000);

test("a teacher moves and swaps questions in the lobby; the phone gets that first question; the preview joins nobody", async ({ browser }) => {
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 5 });
  const hostUrl = teacher.page.url();
  await teacher.page.goto(`${hostUrl}/questions`);
  const before = await prompts(teacher.page);
  expect(before).toHaveLength(5);
  await expectNoAxeViolations(teacher.page);

  await teacher.page.getByRole("button", { name: "Move down question 1" }).click();
  await expect.poll(() => prompts(teacher.page)).toEqual([before[1], before[0], ...before.slice(2)]);
  await teacher.page.getByRole("button", { name: "Swap for another (question 5)" }).click();
  await expect.poll(async () => (await prompts(teacher.page))[4]).not.toBe(before[4]);
  const order = await prompts(teacher.page);
  await teacher.page.screenshot({ path: "test-results/questions-1366.png", fullPage: false });

  const previewLink = await teacher.page.getByLabel(/^Preview link/).inputValue();
  const colleague = await phone(browser, 1);
  await colleague.page.goto(previewLink);
  expect(await prompts(colleague.page)).toEqual(order);
  await expect(colleague.page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await colleague.page.screenshot({ path: "test-results/preview-320.png", fullPage: false });

  const student = await phone(browser, 0);
  await join(student.page, code, "Ada", "typed");
  await teacher.page.goto(hostUrl);
  await expect(teacher.page.getByRole("heading", { name: "1 joined" })).toBeVisible();
  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  await expect(student.page.getByText(order[0] ?? "", { exact: false }).first()).toBeVisible();
});

test("homework's projector offers Google Classroom and Teams share links for the join link", async ({ browser }) => {
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "homework", length: 5 });
  const joinLink = new URL(`/classroom/join?code=${code.replace(" ", "")}`, teacher.page.url()).toString();
  await expect(teacher.page.getByRole("link", { name: /^Google Classroom/ })).toHaveAttribute("href", new RegExp(`^https://classroom\\.google\\.com/share\\?url=${encodeURIComponent(joinLink).replace(/[.?]/g, "\\$&")}`));
  await expect(teacher.page.getByRole("link", { name: /^Microsoft Teams/ })).toHaveAttribute("href", new RegExp(`^https://teams\\.microsoft\\.com/share\\?href=${encodeURIComponent(joinLink).replace(/[.?]/g, "\\$&")}&msgText=`));
});

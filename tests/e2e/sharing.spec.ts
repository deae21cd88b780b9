import { expect, test, type Browser, type Page } from "@playwright/test";
import { bankQuestions } from "./bank";
import { playByApi, type PlayedResult } from "./sharing-support";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * Sharing on a phone: the player's share control and spoiler-free share
 * line, the public result page, and a friend who follows the link, plays
 * the same questions and sees both results side by side.
 */

/** Texts that would give an answer away on the public page: explanations and option/item texts longer than a word. */
const revealingTexts: string[] = bankQuestions
  .flatMap((question) => [question.explanation, ...[...(question.options ?? []), ...(question.items ?? [])].map((choice) => choice.text)])
  .filter((text) => text.length > 12);

/** A friend in a browser of their own: answers with the first choice (or the order as shown) until the results. */
async function playAsFriend(page: Page, total: number): Promise<string[]> {
  const asked: string[] = [];
  for (let number = 1; number <= total; number += 1) {
    await expect(page.getByText(`Question ${number} of ${total}`)).toBeVisible();
    asked.push(await page.locator("input[name=questionId]").inputValue());
    const firstChoice = page.locator(".question-form input[type=radio]").first();
    if ((await firstChoice.count()) > 0) await firstChoice.check();
    // An estimate: the low end of its range, as the challenger answered (sharing-support.ts).
    const estimate = page.locator(".question-form input[type=number]");
    if ((await estimate.count()) > 0) await estimate.fill((await estimate.getAttribute("min")) ?? "");
    // An ordering question (its selects, replaced by the tap control once the page hydrates): its items tapped in the order shown.
    const nextItem = page.getByRole("button", { name: /^Place \d\w\w: / }).first();
    if ((await page.getByRole("combobox").or(nextItem).count()) > 0) {
      await nextItem.waitFor();
      while ((await nextItem.count()) > 0) await nextItem.click();
    }
    await page.getByRole("button", { name: "Check answer" }).click();
    const next = number < total ? "Next question" : "See your results";
    await page.getByRole("link", { name: next }).or(page.getByRole("button", { name: next })).click();
  }
  await expect(page).toHaveURL(/\/quiz\/results\//);
  return asked;
}

async function friendPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ ...test.info().project.use, ...options });
  return context.newPage();
}

let challenger: PlayedResult;
/** "3/5": the challenger's score, whatever the first choices scored. */
let score: string;

test.beforeEach(async ({ request }) => {
  challenger = await playByApi(request, 5);
  score = `${challenger.marks.filter(Boolean).length}/5`;
});

test("the results page shares a spoiler-free line and a public link, never itself", async ({ page }) => {
  await page.goto(`/quiz/results/${challenger.attemptId}`);
  const share = page.getByRole("region", { name: "Share your result" });
  await expect(share).toBeVisible();
  const line = `Trump and Kim quiz: ${score}\n${challenger.marks.map((right) => (right ? "✅" : "❌")).join("")}\nCan you beat my score?`;
  const shareUrl = new URL(`/quiz/share/${challenger.shareId}`, page.url()).href;
  await expect(share.locator("p[aria-hidden=true]")).toHaveText(`${line}\n${shareUrl}`);

  // No Web Share API in this browser: copy, and plain links that carry the public URL only.
  const links = share.getByRole("list", { name: "Share on" }).getByRole("link");
  await expect(links).toHaveText(["X", "Facebook", "WhatsApp", "LinkedIn", "Email", "Google Classroom"].map((name) => new RegExp(`^${name}`)));
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
    expect(decodeURIComponent(href)).toContain(shareUrl);
    expect(href).not.toContain(challenger.attemptId);
  }
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await share.getByRole("button", { name: "Copy result and link" }).click();
  await expect(share.getByRole("status")).toHaveText(/Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${line}\n${shareUrl}`);

  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test("where the browser has the Web Share API, one button opens the share sheet", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "share", {
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData }).shared = data;
        return Promise.resolve();
      },
    });
  });
  await page.goto("/explainers/the-letters");
  const share = page.getByRole("region", { name: "Share this explainer" });
  await share.getByRole("button", { name: "Share…" }).click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
  expect(shared).toMatchObject({ url: new URL("/explainers/the-letters", page.url()).href, title: expect.stringContaining("The letters") });
  await expect(share.getByRole("list", { name: "Share on" })).toHaveCount(0);
});

test("a friend opens the result link, plays the same questions and sees both results side by side", async ({ page, browser }) => {
  test.slow();
  const friend = await friendPage(browser);
  await friend.goto(`/quiz/share/${challenger.shareId}`);
  await expect(friend.getByRole("heading", { level: 1 })).toHaveText("A result to beat");
  await expect(friend.locator(".score")).toHaveText(score);
  const right = challenger.marks.filter(Boolean).length;
  await expect(friend.getByRole("list", { name: `${right} right, ${5 - right} wrong, question by question` }).getByRole("listitem")).toHaveText(
    challenger.marks.map((right, index) => `Question ${index + 1}: ${right ? "right" : "wrong"}`),
  );
  const publicText = await friend.locator("main").innerText();
  for (const text of revealingTexts) expect(publicText).not.toContain(text);
  await expectNoAxeViolations(friend);
  await expectNoHorizontalScroll(friend);

  await friend.getByRole("button", { name: "Beat my score" }).click();
  const asked = await playAsFriend(friend, 5);
  expect(asked).toEqual(challenger.questionIds);

  const comparison = friend.getByRole("region", { name: /^You vs your challenger$/ });
  await expect(comparison).toBeVisible();
  const rows = comparison.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(rows.locator("td:nth-child(3)")).toHaveText(challenger.marks.map((right) => (right ? /Right/ : /Wrong/)));
  await expect(comparison.getByRole("table").locator("tfoot td").last()).toHaveText(score);
  expect(await friend.content()).not.toContain(challenger.attemptId);
  await expectNoAxeViolations(friend);
  await expectNoHorizontalScroll(friend);

  // The challenger's own page is unchanged by the challenge.
  await page.goto(`/quiz/results/${challenger.attemptId}`);
  await expect(page.locator(".score")).toHaveText(score);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the share links and “Beat my score” work as plain HTML", async ({ page }) => {
    await page.goto(`/quiz/results/${challenger.attemptId}`);
    await expect(page.getByRole("list", { name: "Share on" }).getByRole("link", { name: /^WhatsApp/ })).toHaveAttribute(
      "href",
      new RegExp(`^https://wa\\.me/\\?text=.*${challenger.shareId}`),
    );
    await page.goto(`/quiz/share/${challenger.shareId}`);
    await page.getByRole("button", { name: "Beat my score" }).click();
    await expect(page).toHaveURL(/\/quiz\/play\//);
    await expect(page.getByText("Question 1 of 5")).toBeVisible();
    expect(await page.locator("input[name=questionId]").inputValue()).toBe(challenger.questionIds[0]);
  });
});

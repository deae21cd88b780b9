import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { answerWithQuizForm, currentQuestion } from "./answer-support";

/**
 * The corrections and updates log where a reader meets it: at the foot of an
 * explainer, on /updates, in the Atom feed, and in the feedback on a
 * corrected quiz question. The entries come from content/updates.json.
 */

interface Entry {
  date: string;
  target: { kind: string; id?: string; slug?: string };
  summary: string;
}

const entries = JSON.parse(readFileSync("content/updates.json", "utf8")) as Entry[];
const explainerEntry = entries.find((entry) => entry.target.kind === "explainer");
const correctedQuestions = new Set(entries.flatMap((entry) => (entry.target.kind === "question" && entry.target.id ? [entry.target.id] : [])));

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "android-small", "reading pages: the android-small project runs them");
});

test("an explainer with entries lists them at its foot, each linking to the log", async ({ page }) => {
  expect(explainerEntry, "the log has an entry about an explainer").toBeDefined();
  await page.goto(`/explainers/${explainerEntry?.target.slug ?? ""}`);
  const section = page.getByRole("region", { name: "Corrections and updates" });
  await expect(section).toBeVisible();
  await expect(section).toContainText(explainerEntry?.summary ?? "");
  const logLink = section.getByRole("link", { name: "In the log" }).first();
  const href = (await logLink.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/updates#[\w-]+$/);
  await logLink.click();
  await expect(page.locator(`[id="${href.slice("/updates#".length)}"]`)).toBeInViewport();
});

test("/updates lists every entry newest first, links to each place, and announces its feed", async ({ page }) => {
  await page.goto("/updates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corrections and updates");
  const items = page.locator("ol.update-list > li");
  await expect(items).toHaveCount(entries.length);
  const dates = await items.locator("time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  expect(dates).toEqual([...dates].sort().reverse());
  for (const href of await items.locator("h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
    expect(href).toMatch(/^\/(explainers\/|timeline#|people#|glossary#|quiz$)/);
  }
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute("href", /\/updates\/feed\.xml$/);
});

test("the feed is well-formed Atom with one entry per change and absolute links", async ({ page, request, baseURL }) => {
  const response = await request.get("/updates/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await response.text();
  await page.goto("/updates");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const atom = "http://www.w3.org/2005/Atom";
    const hrefs = [...doc.getElementsByTagNameNS(atom, "link")].map((link) => link.getAttribute("href") ?? "");
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      entries: doc.getElementsByTagNameNS(atom, "entry").length,
      ids: [...doc.getElementsByTagNameNS(atom, "entry")].map((entry) => entry.getElementsByTagNameNS(atom, "id")[0]?.textContent ?? ""),
      hrefs,
    };
  }, xml);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(parsed.entries).toBe(entries.length);
  expect(new Set(parsed.ids).size).toBe(entries.length);
  for (const href of parsed.hrefs) expect(href.startsWith(`${baseURL}/`), href).toBe(true);
});

test("the feedback on a corrected question says so and links to the entry", async ({ page }) => {
  test.slow();
  const bank = readdirSync("content/quiz").flatMap(
    (file) => JSON.parse(readFileSync(`content/quiz/${file}`, "utf8")) as { id: string; topics: string[] }[],
  );
  const topic = bank.filter((question) => question.topics.includes("russia"));
  // The russia topic has fewer than twenty questions, so a full quiz on it asks every one.
  expect(topic.length, "a full quiz asks every question of the russia topic").toBeLessThanOrEqual(20);
  expect(topic.some((question) => correctedQuestions.has(question.id)), "the russia topic has a corrected question").toBe(true);
  await page.goto("/quiz?topic=russia");
  await page.getByLabel("Full: 20 questions").check();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\/[\w-]+$/);
  for (let n = 0; n < topic.length; n += 1) {
    const question = await currentQuestion(page);
    await answerWithQuizForm(page, true);
    await expect(page.getByRole("heading", { name: "✓ Correct" })).toBeVisible();
    if (correctedQuestions.has(question.id)) {
      const notice = page.locator(".feedback .correction-notice");
      await expect(notice).toContainText(/This question was (corrected|clarified|updated) on \d{1,2} \w+ \d{4}/);
      await expect(notice.getByRole("link", { name: "What changed" })).toHaveAttribute("href", /^\/updates#[\w-]+$/);
      return;
    }
    await page.getByRole("button", { name: "Next question" }).or(page.getByRole("link", { name: "Next question" })).click();
    // The next question's form replaces this one's; read its id only once it is there.
    await expect(page.getByText(`Question ${n + 2} of ${topic.length}`)).toBeVisible();
  }
  throw new Error("the quiz never asked a corrected question");
});

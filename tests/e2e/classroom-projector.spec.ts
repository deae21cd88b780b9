import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { answerLive } from "./answer-support";
import { createSession, join, laptop, openDashboard, phone } from "./classroom-support";
import { expectNoAxeViolations } from "./support";

/**
 * The projector as the class sees it from the back of the room, at
 * 1366×768: text large enough, the join address whole, the question with
 * its countdown and answer count, the marks the phones share, the teacher's
 * dashboard in another tab; and what the teacher takes away (CSV, sheet).
 */

/** Nothing the class reads on the projector is smaller than this (CSS px at 1366×768). */
const MIN_STAGE_PX = 28;

const stageOf = (page: Page) => page.getByRole("region", { name: "Live quiz" });

/** Every visible piece of text in `region` whose font is smaller than `min` px, as "size: text". */
async function smallText(region: Locator, min: number): Promise<string[]> {
  return region.evaluate((root, min) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (!element || !text) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Visually hidden text (1 px, clipped) is for screen readers, not the room.
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === "hidden") continue;
      const size = parseFloat(style.fontSize);
      if (size < min) small.push(`${size}px: ${text}`);
    }
    return small;
  }, min);
}

const fontSize = (locator: Locator) => locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

/** Where the text of `locator` wraps: for each line after the first, the character just before the break. */
async function charactersBeforeBreaks(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const characters: { character: string; top: number }[] = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let index = 0; index < node.length; index += 1) {
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        characters.push({ character: node.data[index] ?? "", top: range.getBoundingClientRect().top });
      }
    }
    return characters.flatMap((current, i) => {
      const previous = characters[i - 1];
      return previous && current.top > previous.top + 1 ? [previous.character] : [];
    });
  });
}

/** A CSV as rows of cells (quoted cells, doubled quotes, CRLF line ends); a blank line is an empty row. */
function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      if (row.length > 0 || text[i - 1] !== "\n") row.push(cell);
      rows.push(row.length === 1 && row[0] === "" ? [] : row);
      row = [];
      cell = "";
      i += 1;
    } else cell += c;
  }
  return rows;
}

test("the join address on the projector breaks only after a slash, and the projector goes full screen", async ({ browser }) => {
  test.setTimeout(60_000);
  const teacher = await laptop(browser);
  await createSession(teacher.page, { mode: "live", length: 5, timer: "20 seconds" });

  const address = teacher.page.locator("strong", { hasText: "/classroom/join" });
  await expect(address).toBeVisible();
  for (const width of [1366, 320]) {
    await teacher.page.setViewportSize({ width, height: 768 });
    // Break only after a slash: never inside the host name or a path segment.
    for (const character of await charactersBeforeBreaks(address)) expect(character, `the address wraps at ${width} px`).toBe("/");
  }
  await expect(address).toHaveCSS("overflow-wrap", "normal");
  await teacher.page.setViewportSize({ width: 1366, height: 768 });

  // Full screen from the keyboard; Escape (or the button) leaves.
  const fullscreen = () => teacher.page.evaluate(() => document.fullscreenElement !== null);
  const enter = teacher.page.getByRole("button", { name: "Full screen", exact: true });
  await enter.focus();
  await teacher.page.keyboard.press("Enter");
  await expect.poll(fullscreen).toBe(true);
  await expect(teacher.page.getByRole("button", { name: "Leave full screen" })).toBeVisible();
  await teacher.page.keyboard.press("Escape");
  await expect.poll(fullscreen).toBe(false);
  await expect(enter).toBeVisible();
  await enter.click();
  await expect.poll(fullscreen).toBe(true);
  await teacher.page.getByRole("button", { name: "Leave full screen" }).click();
  await expect.poll(fullscreen).toBe(false);

  await teacher.context.close();
});

test("a who-said question on the projector: large text, the phones' marks, countdown, answers coming in, the reveal; then the CSV and the sheet", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teacher = await laptop(browser);
  const code = await createSession(teacher.page, { mode: "live", length: 20, timer: "60 seconds", scoring: "accuracy" });
  const student = await phone(browser, 0);
  await join(student.page, code, "Ann", "link");
  const stage = stageOf(teacher.page);
  await expect(stage).toContainText("1 joined");
  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();

  // Move on until a "Who said it?" question is on the screen (the draw is random).
  let n = 1;
  for (; n <= 20; n += 1) {
    await expect(stage.getByRole("heading", { name: `Question ${n} of 20`, exact: true })).toBeVisible();
    if (await stage.getByText("Who said it?").isVisible()) break;
    await teacher.page.getByRole("button", { name: "Close answers", exact: true }).click();
    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    await teacher.page.getByRole("button", { name: "Next question", exact: true }).click();
  }
  expect(n, "a who-said question in 20").toBeLessThanOrEqual(20);

  await test.step("the question: countdown, answers coming in, each choice with its mark", async () => {
    await expect(stage.getByRole("timer")).toHaveText(/^\d+ s left$/);
    await expect(stage.getByRole("status")).toHaveText("0 of 1 answered");
    const choices = stage.getByRole("listitem");
    const count = await choices.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const colours = new Set<string>();
    for (let i = 0; i < count; i += 1) {
      await expect(choices.nth(i).locator("svg")).toBeVisible();
      colours.add(await choices.nth(i).evaluate((li) => getComputedStyle(li).backgroundColor));
    }
    expect(colours.size, "each position has its own colour").toBe(count);
    await expect(student.page.getByText(`Question ${n} of 20`)).toBeVisible();
    await answerLive(student.page, false);
    await expect(stage.getByRole("status")).toHaveText("1 of 1 answered");
  });

  await test.step("readable from the back of the room, and the whole question on one screen", async () => {
    expect(await smallText(stage, MIN_STAGE_PX)).toEqual([]);
    const prompt = await fontSize(stage.getByText("Who said it?"));
    expect(prompt).toBeGreaterThan(await fontSize(stage.getByRole("listitem").first()));
    const next = teacher.page.getByRole("button", { name: "Reveal the answer", exact: true });
    const bottom = await next.evaluate((button) => button.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom, "the next step is on screen without scrolling").toBeLessThanOrEqual(768);
    await expectNoAxeViolations(teacher.page);
  });

  const dashboard = await test.step("the dashboard opens in another tab; the class stays on the question", async () => {
    const url = teacher.page.url();
    const opened = await openDashboard(teacher);
    await expect(opened.getByRole("heading", { name: "Class dashboard" })).toBeVisible();
    expect(teacher.page.url()).toBe(url);
    await expect(stage.getByRole("heading", { name: `Question ${n} of 20` })).toBeVisible();
    // "Open this session on another device" shows that it opens.
    const summary = opened.getByText("Open this session on another device");
    const marker = await summary.evaluate((element) => {
      const before = getComputedStyle(element, "::before");
      return getComputedStyle(element).display === "list-item" || (before.content !== "none" && before.content !== "normal");
    });
    expect(marker, "the disclosure has a visible marker").toBe(true);
    return opened;
  });

  await test.step("the reveal: the answer, the explanation and the distribution, large, with the marks", async () => {
    await teacher.page.getByRole("button", { name: "Reveal the answer", exact: true }).click();
    await expect(stage.getByRole("heading", { name: `Question ${n} of 20: the answer` })).toBeVisible();
    await expect(stage.getByRole("figure")).toContainText("1 answer from the class");
    await expect(stage.getByRole("figure").locator("svg").first()).toBeVisible();
    expect(await smallText(stage, MIN_STAGE_PX)).toEqual([]);
    // The bars grow in, except for someone who asked for less movement.
    const bar = stage.getByRole("figure").locator("[aria-hidden=true] > span").first();
    await expect(bar).not.toHaveCSS("animation-name", "none");
    await teacher.page.emulateMedia({ reducedMotion: "reduce" });
    await expect(bar).toHaveCSS("animation-name", "none");
    await expectNoAxeViolations(teacher.page);
  });

  await test.step("the CSV names who-said questions by their quotation and keeps the key out of the student rows", async () => {
    await dashboard.reload();
    const download = await Promise.all([dashboard.waitForEvent("download"), dashboard.getByRole("link", { name: "Download CSV" }).click()]).then(([d]) => d);
    const rows = parseCsv(readFileSync((await download.path()) ?? "", "utf8"));
    const header = rows[0] ?? [];
    expect(header.slice(0, 2)).toEqual(["Nickname", "Status"]);
    const whoSaid = header.filter((cell) => cell.includes("Who said"));
    expect(whoSaid.length).toBeGreaterThan(0);
    for (const cell of whoSaid) expect(cell).toMatch(/^Q\d+: Who said “.+”\?$/);
    // Excel sorts the block around the selected cell, up to the first blank row: that block holds only students.
    const blank = rows.findIndex((row) => row.length === 0);
    expect(blank, "a blank row after the students").toBe(2);
    expect(rows.slice(1, blank).map((row) => row[0])).toEqual(["Ann"]);
    expect(rows[blank + 1]?.slice(0, 3)).toEqual(["Question", "Correct answer", "Class: % correct"]);
    expect(rows.slice(blank + 2)).toHaveLength(20);
  });

  await test.step("the follow-up sheet prints each “Read more” as a full address", async () => {
    await dashboard.getByRole("link", { name: "Follow-up sheet" }).click();
    const readMore = dashboard.locator("p", { hasText: "Read more:" }).first();
    await expect(readMore.getByRole("link")).toHaveText(/^https?:\/\/[^/]+\/\S+$/);
    await expect(readMore.getByRole("link")).toHaveAttribute("href", /^https?:\/\//);
  });

  for (const context of [teacher.context, student.context]) await context.close();
});

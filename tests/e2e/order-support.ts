import type { Page } from "@playwright/test";

/** How the ordering control names positions (lib/questions/marks.ts). */
export const POSITIONS = ["1st", "2nd", "3rd", "4th", "5th"];

/** Whether the page runs its scripts (not in the no-JavaScript tests): by the load event, they have run. */
async function scripted(page: Page): Promise<boolean> {
  await page.waitForLoadState("load");
  return page.evaluate(() => "next" in window);
}

/**
 * Answers the ordering question on screen with these item texts, in this
 * order: with JavaScript, tapping them in the order control (its buttons
 * appear once the page hydrates); without, choosing them in the plain
 * form's selects.
 */
export async function placeInOrder(page: Page, texts: readonly string[]): Promise<void> {
  const tap = await scripted(page);
  for (const [position, text] of texts.entries()) {
    const name = POSITIONS[position] ?? "";
    if (tap) await page.getByRole("button", { name: `Place ${name}: ${text}`, exact: true }).click();
    else await page.getByLabel(name, { exact: true }).selectOption({ label: text });
  }
}

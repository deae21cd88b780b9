import { expect, test, type Locator } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

/**
 * The chart, the map and the home page's timeline: each an SVG with a name, a
 * description and its data in a table or list, readable on a phone and in dark
 * mode, drawn without client JavaScript.
 */

const PICTURES = [
  { path: "/explainers/where-things-stand", name: /ballistic missiles fired each year/i, data: "The figures and their sources", rows: /no sourced figure/ },
  { path: "/explainers/the-three-meetings", name: /places where Kim Jong-un held/i, data: "The meetings at each place", rows: /Vostochny Cosmodrome/ },
  { path: "/explainers/north-korea-and-russia", name: /places where Kim Jong-un held/i, data: "The meetings at each place", rows: /Vladivostok/ },
  { path: "/", name: /Key moments, 2017 to 2026/, data: "The key moments as a list", rows: /Singapore summit/ },
] as const;

/** The smallest font size any of the picture's text renders at, in CSS pixels. */
async function smallestRenderedText(svg: Locator): Promise<number> {
  return svg.evaluate((element) => {
    const texts = [...element.querySelectorAll("text")];
    return Math.min(...texts.map((text) => text.getBoundingClientRect().height));
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const picture of PICTURES) {
    test(`${picture.path}: the picture has a name, its data and readable text (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(picture.path);
      const svg = page.getByRole("img", { name: picture.name });
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute("aria-labelledby", /desc/);
      // A text's box is about its font size tall: 12 px text gives a box of at least 12 px.
      expect(await smallestRenderedText(svg)).toBeGreaterThanOrEqual(12);

      const data = page.locator("details", { has: page.getByText(picture.data) });
      await data.getByText(picture.data).click();
      await expect(data.getByText(picture.rows).first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);

      // The drawing takes the page's text colour, so it follows dark mode.
      const colours = await svg.evaluate((element) => ({
        svg: getComputedStyle(element).color,
        body: getComputedStyle(document.body).color,
      }));
      expect(colours.svg).toBe(colours.body);
    });
  }
}

test("the timeline's key moments link to their entries", async ({ page }) => {
  await page.goto("/");
  await page.getByText("The key moments as a list").click();
  const link = page.getByRole("link", { name: "Singapore summit" });
  await expect(link).toHaveAttribute("href", "/timeline#singapore-summit");
});

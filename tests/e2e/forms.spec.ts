import { expect, test, type Browser, type Page } from "@playwright/test";
import { bankQuestion } from "./bank";
import { createSession } from "./classroom-support";

/**
 * Every form stays usable after a refusal, with JavaScript (a message, the
 * button back) and without it (the form again inside the site, the message
 * beside the field, what was typed filled in), on the 320 px phone.
 */

test.use({ viewport: { width: 320, height: 568 } });

const TAKEN = "Someone in this class already has that name.";
const NOT_ALLOWED = "That nickname isn't allowed here. Try another.";
/** What the old bare error pages said: a summary naming schema paths. */
const SCHEMA_WORDING = /is not valid\.|\b(answer|nickname|length|topic)(\.\d+)?: /;

/** A homework session set up by a teacher on another device, with "Ana" already in it. */
async function sessionWithAna(browser: Browser): Promise<{ code: string; sessionId: string }> {
  const teacher = await browser.newContext();
  const page = await teacher.newPage();
  const code = await createSession(page, { mode: "homework", length: 5 });
  const sessionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const ana = await teacher.request.post(`/api/classroom/sessions/${sessionId}/players`, { data: { nickname: "Ana" } });
  expect(ana.status()).toBe(201);
  await teacher.close();
  return { code: code.replace(" ", ""), sessionId };
}

/** The form's scripts have taken over: it validates itself (noValidate is set only then). */
const hydrated = (page: Page, form = "form[method=post]") => expect(page.locator(`${form}[novalidate]`)).toHaveCount(1);

test.describe("with JavaScript", () => {
  test("join: after a taken name (409) and a filtered one (422) the button is back, and a corrected name joins", async ({ page, browser }) => {
    const { code } = await sessionWithAna(browser);
    await page.goto(`/classroom/join?code=${code}`);
    await hydrated(page);
    const nickname = page.getByLabel("Your nickname");
    const button = page.getByRole("button", { name: "Join" });

    await nickname.fill("Ana");
    await button.click();
    await expect(page.locator("#nickname-error")).toContainText(TAKEN);
    await expect(button).toBeEnabled();

    await nickname.fill("shithead");
    await button.click();
    await expect(page.locator("#nickname-error")).toHaveText(NOT_ALLOWED);
    await expect(button).toBeEnabled();
    await expect(button).toHaveText("Join");

    await nickname.fill("Ana B");
    await button.click();
    await expect(page).toHaveURL(/\/classroom\/play\//);
  });

  test("the nickname field takes no more than 20 characters", async ({ page, browser }) => {
    const { code } = await sessionWithAna(browser);
    await page.goto(`/classroom/join?code=${code}`);
    await hydrated(page);
    const nickname = page.getByLabel("Your nickname");
    await nickname.pressSequentially("Abcdefghij Klmnopqrstuvwxyz");
    await expect(nickname).toHaveValue("Abcdefghij Klmnopqrs");
  });

  test("start quiz: after no connection and a 429 the button is back, and a retry starts the quiz", async ({ page }) => {
    await page.goto("/quiz");
    await hydrated(page);
    const button = page.getByRole("button", { name: "Start the quiz" });

    await page.route("**/api/quiz/attempts", (route) => route.abort("internetdisconnected"));
    await button.click();
    await expect(page.getByRole("alert").filter({ hasText: "Check your connection" })).toBeVisible();
    await expect(button).toBeEnabled();

    await page.unroute("**/api/quiz/attempts");
    await page.route("**/api/quiz/attempts", (route) =>
      route.fulfill({ status: 429, contentType: "application/json", body: JSON.stringify({ error: { code: "rate_limited", message: "Too many quizzes started. Please wait a minute." } }) }),
    );
    await button.click();
    await expect(page.getByRole("alert").filter({ hasText: "Please wait a minute" })).toBeVisible();
    await expect(button).toBeEnabled();

    await page.unroute("**/api/quiz/attempts");
    await button.click();
    await expect(page).toHaveURL(/\/quiz\/play\//);
  });

  test("create session: after a 503 and no connection the button is back, and a retry creates it", async ({ page }) => {
    await page.goto("/classroom");
    await hydrated(page);
    const button = page.getByRole("button", { name: "Create the session" });

    await page.route("**/api/classroom/sessions", (route) => route.fulfill({ status: 503, contentType: "text/html", body: "<h1>Busy</h1>" }));
    await button.click();
    await expect(page.getByRole("alert").filter({ hasText: "busy" })).toBeVisible();
    await expect(button).toBeEnabled();

    await page.unroute("**/api/classroom/sessions");
    await page.route("**/api/classroom/sessions", (route) => route.abort("connectionreset"));
    await button.click();
    await expect(page.getByRole("alert").filter({ hasText: "Check your connection" })).toBeVisible();
    await expect(button).toHaveText("Create the session");

    await page.unroute("**/api/classroom/sessions");
    await button.click();
    await expect(page).toHaveURL(/\/classroom\/host\//);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("“Take the quiz on this topic” starts a quiz on that topic", async ({ page }) => {
    await page.goto("/quiz?topic=russia");
    await expect(page.getByLabel("Topic (optional)")).toHaveValue("russia");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expect(page).toHaveURL(/\/quiz\/play\//);
    const questionId = await page.locator("input[name=questionId]").inputValue();
    expect(bankQuestion(questionId).topics).toContain("russia");
  });

  test("a refused join shows the form again in the site, the message beside the nickname, the nickname filled in", async ({ page, browser }) => {
    const { code } = await sessionWithAna(browser);
    await page.goto(`/classroom/join?code=${code}`);
    await page.getByLabel("Your nickname").fill("Ana");
    await page.getByRole("button", { name: "Join" }).click();

    await expect(page.locator("header.site-header")).toBeVisible();
    await expect(page.locator("#nickname-error")).toContainText(TAKEN);
    await expect(page.getByLabel("Your nickname")).toHaveValue("Ana");

    await page.getByLabel("Your nickname").fill("shithead");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.locator("#nickname-error")).toHaveText(NOT_ALLOWED);
    await expect(page.getByLabel("Your nickname")).toHaveValue("shithead");
    await expect(page.locator("body")).not.toContainText(SCHEMA_WORDING);

    await page.getByLabel("Your nickname").fill("Ana B");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page).toHaveURL(/\/classroom\/play\//);
  });

  test("a refused answer comes back as the question with a message a person can act on", async ({ page }) => {
    await page.goto("/quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expect(page).toHaveURL(/\/quiz\/play\//);
    const action = (await page.locator("form.question-form").getAttribute("action")) ?? "";
    const questionId = await page.locator("input[name=questionId]").inputValue();
    // What a browser without the `required` check would send: no answer.
    const refused = await page.request.post(action, { form: { questionId }, maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    await page.goto(refused.headers().location ?? "");

    await expect(page.locator("header.site-header")).toBeVisible();
    await expect(page.locator("form.question-form [role=alert]")).toHaveText("Choose an answer.");
    await expect(page.locator("body")).not.toContainText(SCHEMA_WORDING);
  });

  test("the browser's own checks stop an empty required field: nothing is sent", async ({ page }) => {
    await page.goto("/classroom/join");
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest()) sent.push(request.url());
    });
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#code:invalid")).toHaveCount(1);
    expect(sent).toEqual([]);
    expect(new URL(page.url()).search).toBe("");

    await page.goto("/quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expect(page).toHaveURL(/\/quiz\/play\//);
    await expect(page.locator("form.question-form")).not.toHaveAttribute("novalidate");
    const radios = page.locator("form.question-form input[type=radio]");
    if ((await radios.count()) > 0) {
      const before = page.url();
      await page.getByRole("button", { name: "Check answer" }).click();
      await expect(page.locator("form.question-form input[type=radio]:invalid")).not.toHaveCount(0);
      expect(page.url()).toBe(before);
    }
  });
});

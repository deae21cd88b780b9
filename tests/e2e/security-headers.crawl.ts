import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { inlineHashes } from "../../lib/security/build-hashes.mjs";
import { csvPath, dashboardPath, followUpPath } from "../../lib/classroom/paths";
import { answerWithQuizForm } from "./answer-support";
import { createSession, join, laptop, phone } from "./classroom-support";
import { expectHydrated, expectSecurityHeaders, watchPage } from "./security-support";
import { playByApi } from "./sharing-support";
import { STATIC_PAGES } from "../support/static-pages";
import { sitemapPaths } from "./support";

/**
 * Security headers on every kind of response of the production build
 * (the rules are in tests/support/security-headers.ts), a policy that runs
 * the site's own scripts and nothing injected, and no request to any other
 * origin.
 */

const originOf = (baseURL: string | undefined) => new URL(baseURL ?? "http://127.0.0.1").origin;

test("every page, API answer, share image and export carries the security headers", async ({ request }) => {
  test.slow();
  const played = await playByApi(request);
  const pages = [
    ...(await sitemapPaths(request)),
    "/no-such-page",
    `/quiz/play/${played.attemptId}`,
    `/quiz/results/${played.attemptId}`,
    `/quiz/results/${played.attemptId}/practice`,
    `/quiz/share/${played.shareId}`,
  ];
  for (const path of pages) expectSecurityHeaders(path, await request.get(path, { maxRedirects: 0 }), "page");

  expectSecurityHeaders("/api/health", await request.get("/api/health"), "resource");
  for (const path of ["/og/page/home", "/og/explainer/the-letters", `/og/result/${played.shareId}`]) {
    expectSecurityHeaders(path, await request.get(path), "share-image");
  }
  const refused = await request.post("/api/quiz/attempts", { data: { length: 7 } });
  expect(refused.status()).toBe(400);
  expectSecurityHeaders("a refused write", refused, "resource");
});

test("prerendered pages are served as built, with the hashes of their own scripts", async ({ request }) => {
  for (const path of [...STATIC_PAGES, "/explainers/the-letters"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    expect(first.headers()["x-nextjs-cache"], `${path} comes from the build`).toBe("HIT");
    expect(first.headers()["cache-control"], `${path} may be cached`).not.toMatch(/private|no-store/);
    const html = await first.text();
    expect(await second.text(), `${path} is the same file each time`).toBe(html);
    const policy = first.headers()["content-security-policy"] ?? "";
    expect(second.headers()["content-security-policy"]).toBe(policy);
    expect(policy).not.toContain("'nonce-");
    for (const hash of inlineHashes(html).scripts) expect(policy).toContain(`'${hash}'`);
  }
});

test("pages rendered per request get a fresh nonce on every script Next emits", async ({ request }) => {
  const nonces = new Set<string>();
  for (let visit = 0; visit < 2; visit += 1) {
    const response = await request.get("/quiz");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
    const html = await response.text();
    // Data blocks (structured data for search engines) never run and need no nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !tag.includes("json"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(2);
});

/** Opens each path, lets its scripts run and checks that they did, under the policy. */
async function visitAll(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await expectHydrated(page);
  }
}

/** A browser walk through the site, watched throughout: no policy violation, error or request to another origin. */
function watchedTest(title: string, walk: (page: Page, request: APIRequestContext) => Promise<void>): void {
  test(title, async ({ page, request, baseURL }) => {
    test.slow();
    const problems = await watchPage(page, originOf(baseURL));
    await walk(page, request);
    expect(problems).toEqual([]);
  });
}

watchedTest("content pages run their scripts, break no policy and ask no other site for anything", async (page, request) => {
  await visitAll(page, [...(await sitemapPaths(request)), "/no-such-page"]);
});

watchedTest("the quiz, from the start form to the shared result, breaks no policy and stays on the site", async (page, request) => {
  await page.goto("/quiz");
  await page.getByLabel("Quick: 5 questions").check();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/play\//);
  await expectHydrated(page);
  await answerWithQuizForm(page, true);
  await expect(page.getByRole("heading", { name: /Correct|Not quite/ })).toBeVisible();

  const played = await playByApi(request);
  await visitAll(page, [
    `/quiz/results/${played.attemptId}`,
    `/quiz/results/${played.attemptId}/practice`,
    `/quiz/share/${played.shareId}`,
    "/quiz/leaderboard",
  ]);
});

test("the classroom, teacher and student, polls and shows its QR code under the policy", async ({ browser, baseURL }) => {
  test.slow();
  const origin = originOf(baseURL);
  const teacher = await laptop(browser);
  const student = await phone(browser, 0);
  const teacherProblems = await watchPage(teacher.page, origin);
  const studentProblems = await watchPage(student.page, origin);
  try {
    const code = await createSession(teacher.page, { mode: "live", length: 5 });
    await expectHydrated(teacher.page);
    await expect(teacher.page.getByRole("img", { name: /^QR code that opens/ })).toBeVisible();
    const sessionId = new URL(teacher.page.url()).pathname.split("/").at(-1) ?? "";
    expectSecurityHeaders("host page", await teacher.page.request.get(teacher.page.url()), "page");

    await join(student.page, code, "Ann", "link");
    await expectHydrated(student.page);
    // The teacher's page polls for the roster: the new player shows up without a reload.
    await expect(teacher.page.getByRole("list", { name: "Players" })).toContainText("Ann", { timeout: 15_000 });

    await visitAll(teacher.page, [dashboardPath(sessionId), followUpPath(sessionId)]);
    const csv = await teacher.page.request.get(csvPath(sessionId));
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expectSecurityHeaders("CSV export", csv, "resource");
    expectSecurityHeaders("invite image", await teacher.page.request.get(`/og/classroom/${code.replace(" ", "")}`), "share-image");
    expect([...teacherProblems, ...studentProblems]).toEqual([]);
  } finally {
    await teacher.context.close();
    await student.context.close();
  }
});

/** Injects a script two ways an XSS would (a script element, an inline event handler) and reports whether either ran. */
async function injectionRan(page: Page): Promise<boolean> {
  await page
    .addScriptTag({ content: "window.__injected = true;" })
    .catch((error: Error) => expect(error.message).toContain("Content Security Policy"));
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image" onerror="window.__injected = true">'),
  );
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => "__injected" in window);
}

test("an injected inline script runs on no kind of page", async ({ page, request }) => {
  const played = await playByApi(request);
  // Prerendered (hashes), rendered per request (nonce), and the 404 page.
  for (const path of ["/", "/quiz", `/quiz/results/${played.attemptId}`, "/no-such-page"]) {
    await page.goto(path);
    await expectHydrated(page);
    expect(await injectionRan(page), `injected script ran on ${path}`).toBe(false);
  }
});

test("answers to another website's request share nothing with it", async ({ request }) => {
  const played = await playByApi(request);
  const origin = { origin: "https://elsewhere.example" };
  for (const [path, kind] of [
    ["/", "page"],
    ["/quiz", "page"],
    [`/quiz/results/${played.attemptId}`, "page"],
    ["/api/health", "resource"],
    [`/og/result/${played.shareId}`, "share-image"],
  ] as const) {
    expectSecurityHeaders(`${path} asked for by another origin`, await request.get(path, { headers: origin }), kind);
  }
});

test("writes from another website are refused", async ({ request }) => {
  const crossSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { origin: "https://elsewhere.example" }];
  for (const headers of crossSite) {
    for (const [path, data] of [
      ["/api/quiz/attempts", { length: 5 }],
      ["/api/classroom/sessions", { mode: "live", length: 5 }],
    ] as const) {
      const response = await request.post(path, { data, headers });
      expect(response.status(), `${path} with ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "cross_site" } });
    }
  }
  const sameSite = await request.post("/api/quiz/attempts", { data: { length: 5 }, headers: { "sec-fetch-site": "same-origin" } });
  expect(sameSite.status()).toBe(201);
});

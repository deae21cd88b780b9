import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { answerLive } from "./answer-support";
import { createSession, laptop, openDashboard, phone, type TeamOptions } from "./classroom-support";
import { expectNoAxeViolations } from "./support";

/**
 * A live session in four teams, as two kinds of class play it: one shared
 * phone per team (the team's first answer counts), and a phone each (a
 * team scores its members' average). The projector shows the team
 * standings and the CSV says who played for which team. With
 * TEAM_SCREENSHOTS=<folder>, the projector's standings and the phone's team
 * choice are saved there to look at.
 */

const FOLLOW = { timeout: 5_000 };
const NAMES = ["Team 1 · Red ▲", "Team 2 · Blue ●", "Team 3 · Green ■", "Team 4 · Orange ◆"];

async function screenshot(page: Page, name: string) {
  const folder = process.env.TEAM_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png` });
}

/** A five-question live session in four teams, the teacher closing each question; returns the join code. */
const createTeamSession = (page: Page, teams: Omit<TeamOptions, "count">) =>
  createSession(page, { mode: "live", length: 5, timer: "No timer: you close each question", teams: { count: 4, ...teams } });

async function joinTeam(page: Page, code: string, nickname: string, team?: string) {
  await page.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  await page.getByLabel("Your nickname").fill(nickname);
  if (team) await page.getByLabel(team).check();
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(/\/classroom\/play\//);
}

/** Reveals the first question, shows the team standings, and returns each row of the projector's table as text. */
async function teamStandings(projector: Page, players: number): Promise<string[]> {
  await expect(projector.getByText(`${players} of ${players} answered`)).toBeVisible(FOLLOW);
  await projector.getByRole("button", { name: "Reveal the answer", exact: true }).click();
  await projector.getByRole("button", { name: "Show the team standings", exact: true }).click();
  await expect(projector.getByRole("heading", { name: "Team standings" })).toBeVisible(FOLLOW);
  return projector.getByRole("table", { name: "Team standings so far" }).locator("tbody tr").allInnerTexts();
}

async function csvLines(dashboard: Page): Promise<string[]> {
  const [download] = await Promise.all([dashboard.waitForEvent("download"), dashboard.getByRole("link", { name: "Download CSV" }).click()]);
  return readFileSync((await download.path()) ?? "", "utf8").replace(/^\uFEFF/, "").split("\r\n");
}

const row = (cells: string) => cells.replace(/\t/g, " ");

test("four teams on shared phones: each team's first answer counts", async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await laptop(browser);
  const code = await createTeamSession(teacher.page, { rule: "first" });
  const teams = await Promise.all([0, 1, 2, 3].map((i) => phone(browser, i)));
  for (const [i, { page }] of teams.entries()) await joinTeam(page, code, `Table ${i + 1}`);
  // Balanced: one phone in each team, in join order; each phone shows its team.
  for (const [i, { page }] of teams.entries()) await expect(page.getByText(NAMES[i] ?? "")).toBeVisible();

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  for (const { page } of teams) await expect(page.getByText("Question 1 of 5")).toBeVisible(FOLLOW);
  await Promise.all(teams.map(({ page }, i) => answerLive(page, i < 2)));

  const rows = (await teamStandings(teacher.page, 4)).map(row);
  expect(rows).toEqual([`1 ${NAMES[0]} 1 correct`, `1 ${NAMES[1]} 1 correct`, `3 ${NAMES[2]} 0 correct`, `3 ${NAMES[3]} 0 correct`]);
  await expectNoAxeViolations(teacher.page);
  await screenshot(teacher.page, "projector-team-standings");
  await expect(teams[0]!.page.getByRole("table", { name: "Team standings so far" })).toBeVisible(FOLLOW);

  const dashboard = await openDashboard(teacher);
  const csv = await csvLines(dashboard);
  expect(csv[0]).toMatch(/^"Nickname","Team","Status",/);
  expect(csv.find((line) => line.startsWith(`"Table 1",`))).toMatch(/^"Table 1","Team 1 · Red ▲","",1,1,1,1,/);
  expect(csv).toContain(`"${NAMES[0]}",1,1,1`);
  for (const context of [teacher.context, ...teams.map((t) => t.context)]) await context.close();
});

test("four teams with a phone each: students choose a team, and a team scores its members' average", async ({ browser }) => {
  test.setTimeout(300_000);
  const teacher = await laptop(browser);
  const code = await createTeamSession(teacher.page, { chosen: true, rule: "average" });
  const students = await Promise.all(Array.from({ length: 8 }, (_, i) => phone(browser, i)));

  // The first phone (320×568) sees the four teams to choose from.
  const first = students[0]!.page;
  await first.goto(`/classroom/join?code=${code.replace(" ", "")}`);
  await expect(first.getByRole("group", { name: "Your team" }).getByRole("radio")).toHaveCount(4);
  await expectNoAxeViolations(first);
  await screenshot(first, "phone-join-team-choice");
  // Two per team: students 1 and 5 in team 1, 2 and 6 in team 2…
  for (const [i, { page }] of students.entries()) await joinTeam(page, code, `Pupil ${i + 1}`, NAMES[i % 4]);
  for (const [i, { page }] of students.entries()) await expect(page.getByText(NAMES[i % 4] ?? "")).toBeVisible();
  await expectNoAxeViolations(first);
  await screenshot(first, "phone-lobby-team");

  await teacher.page.getByRole("button", { name: "Start the quiz", exact: true }).click();
  for (const { page } of students) await expect(page.getByText("Question 1 of 5")).toBeVisible(FOLLOW);
  // Team 1: both right; team 2: one right; teams 3 and 4: both wrong.
  await Promise.all(students.map(({ page }, i) => answerLive(page, i % 4 === 0 || i === 1)));

  const rows = (await teamStandings(teacher.page, 8)).map(row);
  expect(rows).toEqual([`1 ${NAMES[0]} 1 correct`, `2 ${NAMES[1]} 0.5 correct`, `3 ${NAMES[2]} 0 correct`, `3 ${NAMES[3]} 0 correct`]);

  const dashboard = await openDashboard(teacher);
  await expect(dashboard.getByRole("table", { name: "Team standings" })).toBeVisible();
  const csv = await csvLines(dashboard);
  expect(csv.filter((line) => line.startsWith(`"Pupil `) && line.includes(`"${NAMES[1]}"`))).toHaveLength(2);
  expect(csv).toContain(`"${NAMES[1]}",2,0.5,2`);
  for (const context of [teacher.context, ...students.map((s) => s.context)]) await context.close();
});

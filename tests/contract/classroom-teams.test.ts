import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { dashboardCsv } from "@/lib/classroom/csv";
import { ClassroomError } from "@/lib/classroom/errors";
import { classroomKeys } from "@/lib/classroom/keys";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { StudentView } from "@/lib/classroom/views";
import { answerKey } from "@/lib/questions/scoring";
import { op } from "@/lib/store";
import { wrongAnswer } from "../support/classroom-checks";
import { refusal } from "../support/classroom-refusal";
import { describeClassroomOnEveryStore } from "../support/classroom-on-every-store";
import { fixtureBank } from "../unit/quiz-fixtures";

/**
 * Team sessions on every store adapter: teams balanced or chosen, a "first
 * answer" team counted once however many of its phones answer at once, an
 * "average" team scored on its members' average, standings on the
 * projector and in the CSV, and every team key expiring with the session.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "teams-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const DAY = 86_400;
const bank = fixtureBank();
const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: undefined, timer: 0, scoring: "accuracy", dueInHours: 24 };
const client = () => `test-${randomBytes(6).toString("hex")}`;

describeClassroomOnEveryStore("classroom teams", dataDir, bank, (on) => {
  const join = (sessionId: string, nickname: string, team?: number) =>
    on.classroom.joinSession(sessionId, { nickname, team, token: undefined }, { client: client() });

  async function started(input: CreateSessionInput, teams: (number | undefined)[]) {
    const created = await on.classroom.createSession(input, { client: client() });
    const students = [];
    for (const [i, team] of teams.entries()) students.push(await join(created.sessionId, `Player ${i + 1}`, team));
    await on.classroom.hostAction(created.sessionId, created.hostCredential, { action: "start", version: 0 });
    const first = (await on.classroom.pollStudent(created.sessionId, students[0]?.token, -1)) as StudentView;
    const question = bank.get(first.question?.id ?? "");
    if (!question) throw new Error("no question");
    return { ...created, students, question };
  }

  it("'first answer': four balanced teams, each counted once when both its phones answer at once", async () => {
    const { sessionId, hostCredential, students, question } = await started({ ...LIVE, teams: 4, teamRule: "first" }, Array(8).fill(undefined));
    const views = await Promise.all(students.map((s) => on.classroom.pollStudent(sessionId, s.token, -1) as Promise<StudentView>));
    expect(views.map((view) => view.team)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);

    // Teams 1 and 2 answer right, 3 and 4 wrong; every phone sends twice at once.
    const key = answerKey(question);
    const wrong = wrongAnswer(question);
    const answerOf = (team: number | null) => ((team ?? 0) <= 2 ? key : wrong);
    const sends = students.flatMap((s, i) =>
      [0, 1].map(() =>
        on.classroom.answer(sessionId, s.token, { questionId: question.id, answer: answerOf(views[i]?.team ?? null) }, { client: client() }).then(
          () => "counted",
          (error: unknown) => (error instanceof ClassroomError ? error.code : "failed"),
        ),
      ),
    );
    const outcomes = await Promise.all(sends);
    expect(outcomes.filter((o) => o === "conflict").length).toBeGreaterThanOrEqual(4);
    expect((await on.classroom.getHostView(sessionId, hostCredential)).answered).toBe(4);

    // The teammate who lost sees the team's answer counted, and cannot answer again.
    const after = await Promise.all(students.map((s) => on.classroom.pollStudent(sessionId, s.token, -1) as Promise<StudentView>));
    for (const team of [1, 2, 3, 4]) {
      const members = after.filter((view) => view.team === team);
      expect(members.filter((view) => view.yourAnswer !== null)).toHaveLength(1);
      expect(members.filter((view) => view.teamAnswered)).toHaveLength(1);
    }

    await on.classroom.hostAction(sessionId, hostCredential, { action: "reveal", version: 1 });
    const standings = await on.classroom.hostAction(sessionId, hostCredential, { action: "standings", version: 2 });
    expect(standings.teams?.map((t) => [t.rank, t.team, t.score, t.members])).toEqual([
      [1, 1, 1, 2],
      [1, 2, 1, 2],
      [3, 3, 0, 2],
      [3, 4, 0, 2],
    ]);
    expect(standings.teams?.[0]?.name).toBe("Team 1 · Red ▲");

    const csv = dashboardCsv(await on.classroom.getDashboard(sessionId, hostCredential)).split("\r\n");
    expect(csv[0]).toMatch(/^\uFEFF"Nickname","Team","Status"/);
    expect(csv[1]).toMatch(/^"Player \d","Team \d · \w+ \S+"/);
    expect(csv).toContain('"Team 1 · Red ▲",1,1,2');

    // Team keys live as long as the session, and 7 days after it ends.
    await on.classroom.hostAction(sessionId, hostCredential, { action: "end", version: 3 });
    const teamKeys = [classroomKeys.teamScores(sessionId), classroomKeys.teamAnswer(sessionId, 0, 1)];
    const ttls = (await on.store.exec(teamKeys.map((k) => op.ttl(k)))) as number[];
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(6 * DAY);
      expect(ttl).toBeLessThanOrEqual(7 * DAY);
    }
    expect((await on.classroom.pollStudent(sessionId, students[0]?.token, -1)) as StudentView).toMatchObject({ phase: "ended" });
  });

  it("'average': students choose their team; a team scores its members' average", async () => {
    // Teams 1 and 2 have two members each; team 3 one; team 4 none.
    const { sessionId, hostCredential, students, question } = await started(
      { ...LIVE, teams: 4, teamAssignment: "choice", teamRule: "average" },
      [1, 1, 2, 2, 3],
    );
    const key = answerKey(question);
    const wrong = wrongAnswer(question);
    const answers = [key, key, key, wrong, wrong];
    await Promise.all(students.map((s, i) => on.classroom.answer(sessionId, s.token, { questionId: question.id, answer: answers[i] ?? "" }, { client: client() })));
    expect((await on.classroom.getHostView(sessionId, hostCredential)).answered).toBe(5);

    const dashboard = await on.classroom.getDashboard(sessionId, hostCredential);
    expect(dashboard.teams?.map((t) => [t.team, t.score, t.members])).toEqual([
      [1, 1, 2],
      [2, 0.5, 2],
      [3, 0, 1],
      [4, 0, 0],
    ]);
    expect(dashboard.students.map((s) => s.team).sort()).toEqual([1, 1, 2, 2, 3]);
  });

  it("a student who must choose a team is told to, and nothing is stored", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession({ ...LIVE, teams: 3, teamAssignment: "choice" }, { client: client() });
    expect(await refusal(join(sessionId, "No Team"))).toMatchObject({ code: "invalid_team", status: 422 });
    expect(await refusal(join(sessionId, "Team Nine", 4))).toMatchObject({ code: "invalid_team", status: 422 });
    expect((await on.classroom.getHostView(sessionId, hostCredential)).players).toHaveLength(0);
    // The refused nickname is still free.
    expect((await join(sessionId, "No Team", 3)).nickname).toBe("No Team");
  });
});

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { follow, followHost } from "@/lib/classroom/follow";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { LiveShared, StudentView } from "@/lib/classroom/views";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";
import { describeClassroomOnEveryStore } from "../support/classroom-on-every-store";
import { fixtureBank } from "../unit/quiz-fixtures";

/**
 * Phones follow the class from its one shared state (GET …/live) and read
 * their own view only when something of theirs is due. Played through a
 * whole team session on every store: at every step, each phone's view
 * built by `follow` is exactly what the server would have sent it, and it
 * asks for its own view only when it must (its answer is scored, it has
 * its own time, the teacher changed something for one student).
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "follow-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const bank = fixtureBank();
const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: undefined, timer: 0, scoring: "speed", dueInHours: 24, teams: 2, teamRule: "first" };
const client = () => `test-${randomBytes(6).toString("hex")}`;

/** What differs between two views of the same state: the server's clock reading. */
const comparable = (view: StudentView) => ({ ...view, now: 0 });

function wrongAnswer(question: Question): string | string[] {
  const key = answerKey(question);
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  if (question.kind === "estimate") return String(question.range.min === question.answer ? question.range.max : question.range.min);
  if (question.kind === "single" || question.kind === "who-said") return question.options.find((option) => option.id !== key)?.id ?? "";
  return "";
}

describeClassroomOnEveryStore("phones following the shared state", dataDir, bank, (on) => {
  it("build the server's own view from the shared one, and ask for their own only when it is due", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession(LIVE, { client: client() });
    const names = ["Ann", "Ben", "Cy", "Dee", "Eve"];
    const students: Awaited<ReturnType<typeof on.classroom.joinSession>>[] = [];
    for (const [i, nickname] of names.entries()) {
      students.push(await on.classroom.joinSession(sessionId, { nickname, team: (i % 2) + 1, token: undefined }, { client: client() }));
    }
    const [ann, ben, cy, dee] = students;
    const own = (token: string | undefined) => on.classroom.pollStudent(sessionId, token, -1) as Promise<StudentView>;
    const phones = await Promise.all(students.map((student) => own(student.token)));
    const ownReads = students.map(() => 0);
    let projector = await on.classroom.getHostView(sessionId, hostCredential);
    let hostReads = 0;

    /** Each phone takes the shared state: follows it, or reads its own view; either way it must match the server's. */
    async function everyPhoneFollows(): Promise<LiveShared> {
      const shared = await on.classroom.getLive(sessionId);
      const hostTruth = await on.classroom.getHostView(sessionId, hostCredential);
      const hostFollowed = followHost(projector, shared);
      if (hostFollowed === null) hostReads += 1;
      else expect(hostFollowed, `the projector at version ${shared.version}`).toEqual({ ...hostTruth, now: projector.now });
      projector = hostFollowed ?? hostTruth;
      if (!shared.reveal) expect(JSON.stringify(shared)).not.toContain("correctAnswer");
      for (const [i, student] of students.entries()) {
        const truth = await own(student.token);
        const followed = follow(phones[i] as StudentView, shared);
        if (followed === null) {
          ownReads[i] = (ownReads[i] ?? 0) + 1;
          phones[i] = truth;
        } else {
          expect(comparable(followed), `${names[i]} at version ${shared.version}`).toEqual(comparable(truth));
          phones[i] = followed;
        }
      }
      return shared;
    }

    let version = 0;
    const act = async (action: "start" | "close" | "reveal" | "standings" | "next" | "end") => {
      projector = await on.classroom.hostAction(sessionId, hostCredential, { action, version });
      version = projector.version;
      on.clock.now += 1_000;
      return everyPhoneFollows();
    };

    // In the lobby: a newcomer changes only the count, which every phone follows.
    await on.classroom.joinSession(sessionId, { nickname: "Fay", team: 2, token: undefined }, { client: client() });
    expect((await everyPhoneFollows()).players).toBe(6);
    expect(ownReads).toEqual([0, 0, 0, 0, 0]);

    // Dee is given double time: the epoch sends every phone to read its own view once, and Dee's from then on.
    await on.classroom.hostAction(sessionId, hostCredential, { action: "accommodate", version, playerId: dee?.playerId, extraTime: "2", fewerOptions: false });
    await everyPhoneFollows();
    expect(ownReads).toEqual([1, 1, 1, 1, 1]);

    for (let question = 0; question < 5; question += 1) {
      const opened = await act(question === 0 ? "start" : "next");
      expect(opened.reveal).toBeNull();
      const asked = bank.get(opened.question?.id ?? "") as Question;
      // Ann answers right, Ben wrong (both team 1 or 2 in turn: "first answer" teams), Cy and Eve never.
      for (const [student, answer] of [
        [ann, answerKey(asked)],
        [ben, wrongAnswer(asked)],
      ] as const) {
        const answered = await on.classroom.answer(sessionId, student?.token, { questionId: asked.id, answer }, { client: client() });
        if (answered.mode === "live") phones[students.indexOf(student as (typeof students)[number])] = answered.view;
      }
      await everyPhoneFollows(); // teammates of Ann and Ben see their team has answered
      await act("close");
      const before = [...ownReads];
      const revealed = await act("reveal");
      expect(revealed.reveal?.correctAnswer).toBeDefined();
      // The two who answered read their points; Cy and Eve did not answer and follow.
      expect(ownReads.map((count, i) => count - (before[i] ?? 0))).toEqual([1, 1, 0, 1, 0]);
      await act("standings");
    }
    // Cy is removed: every phone reads its own view once, and Cy's says so.
    projector = await on.classroom.hostAction(sessionId, hostCredential, { action: "remove", version, playerId: cy?.playerId });
    const afterRemoval = await on.classroom.getLive(sessionId);
    for (const phone of phones) expect(follow(phone, afterRemoval)).toBeNull();
    await expect(own(cy?.token)).rejects.toMatchObject({ code: "removed" });
    students.splice(2, 1);
    phones.splice(2, 1);
    ownReads.splice(2, 1);
    await everyPhoneFollows();

    const ended = await act("end");
    expect(ended.phase).toBe("ended");
    // The projector moved with its own actions' answers and counted answers from the shared state: it read its own view for the newcomer only.
    expect(hostReads).toBe(1);
    expect(phones.map((phone) => phone.rank)).toEqual(await Promise.all(students.map(async (student) => (await own(student.token)).rank)));
  });
});

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { classroomKeys } from "@/lib/classroom/keys";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { StudentView } from "@/lib/classroom/views";
import { answerKey } from "@/lib/questions/scoring";
import { execNamed, op } from "@/lib/store";
import { describeClassroomOnEveryStore } from "../support/classroom-on-every-store";
import { refusal } from "../support/classroom-refusal";
import { estimateQ, fixtureBank, generatedQuestions, HANDWRITTEN } from "../unit/quiz-fixtures";

/**
 * The teacher's choice of questions on every store adapter: a reorder and a
 * swap are what the phones then get, in that order; a second tab's stale
 * change is refused rather than applied over the first; the list is fixed
 * once a live session starts or a homework's first answer is in; the
 * preview key shows the questions and joins nobody.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "choose-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const bank = fixtureBank([...HANDWRITTEN, estimateQ, ...generatedQuestions()]);
const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: "russia", timer: 0, scoring: "accuracy", dueInHours: 24 };
const HOMEWORK: CreateSessionInput = { ...LIVE, mode: "homework" };
const client = () => `choose-${randomBytes(6).toString("hex")}`;

describeClassroomOnEveryStore("choosing the questions", dataDir, bank, (on) => {
  it("a reorder and a swap in the lobby are exactly what the phones get, question by question", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
    const before = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    const moved = await classroom.editQuestions(sessionId, hostCredential, { edit: "down", index: 0, version: before.version });
    const swapped = await classroom.editQuestions(sessionId, hostCredential, { edit: "swap", index: 4, version: moved.version });
    const order = swapped.questions.map((q) => q.id);
    expect(order.slice(0, 2)).toEqual([before.questions[1]?.id, before.questions[0]?.id]);
    expect(before.questions.map((q) => q.id)).not.toContain(order[4]);
    expect(bank.get(order[4] ?? "")?.topics).toContain("russia");

    const student = await classroom.joinSession(sessionId, { nickname: "Ada", token: undefined }, { client: client() });
    let version = (await classroom.hostAction(sessionId, hostCredential, { action: "start", version: swapped.version })).version;
    const seen: string[] = [];
    for (let i = 0; i < order.length; i += 1) {
      const view = (await classroom.pollStudent(sessionId, student.token, -1)) as StudentView;
      seen.push(view.question?.id ?? "");
      version = (await classroom.hostAction(sessionId, hostCredential, { action: "close", version })).version;
      version = (await classroom.hostAction(sessionId, hostCredential, { action: "next", version })).version;
    }
    expect(seen).toEqual(order);
  });

  it("an estimate picked from the bank shows the teacher its span of numbers and its sourced figure", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
    const { version } = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    const added = await classroom.editQuestions(sessionId, hostCredential, { edit: "add", questionId: estimateQ.id, version });
    expect(added.questions.at(-1)).toMatchObject({ id: estimateQ.id, choices: ["From 0 to 60 letters"], correctAnswer: "27 letters" });
  });

  it("a second tab's change made on a list it has not seen is refused, and the first one stands", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
    const { version, questions } = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    const tabs = await Promise.allSettled([
      classroom.editQuestions(sessionId, hostCredential, { edit: "remove", index: 0, version }),
      classroom.editQuestions(sessionId, hostCredential, { edit: "remove", index: 1, version }),
    ]);
    expect(tabs.filter((tab) => tab.status === "fulfilled")).toHaveLength(1);
    const after = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    expect(after.questions).toHaveLength(questions.length - 1);
    expect(await refusal(classroom.editQuestions(sessionId, hostCredential, { edit: "up", index: 1, version }))).toMatchObject({ code: "conflict" });
    // The write keeps the session's deadline: the list expires with the session.
    const { ttl } = await execNamed(on.store, { ttl: op.ttl(classroomKeys.session(sessionId)) });
    expect(ttl).toBeGreaterThan(0);
  });

  it("is for the teacher only, and closes when the live quiz starts", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
    expect(await refusal(classroom.editQuestions(sessionId, "not-the-key", { edit: "down", index: 0, version: 0 }))).toMatchObject({ code: "not_host" });
    expect(await refusal(classroom.getQuestionChoices(sessionId, undefined, {}))).toMatchObject({ code: "not_host" });
    const { version } = await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
    const started = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    expect(started.locked).toMatch(/started/);
    expect(await refusal(classroom.editQuestions(sessionId, hostCredential, { edit: "down", index: 0, version }))).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/started/),
    });
  });

  it("homework can change until its first answer, then stays as the students answered it", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(HOMEWORK, { client: client() });
    const student = await classroom.joinSession(sessionId, { nickname: "Bo", token: undefined }, { client: client() });
    const changed = await classroom.editQuestions(sessionId, hostCredential, { edit: "down", index: 0, version: 0 });
    expect(changed.locked).toBeNull();
    const first = bank.get(changed.questions[0]?.id ?? "");
    if (!first) throw new Error("no first question");
    await classroom.answer(sessionId, student.token, { questionId: first.id, answer: answerKey(first) }, { client: client() });
    expect(await refusal(classroom.editQuestions(sessionId, hostCredential, { edit: "down", index: 0, version: changed.version }))).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already answered/),
    });
    const dashboard = await classroom.getDashboard(sessionId, hostCredential);
    expect(dashboard.questions.map((q) => q.id)).toEqual(changed.questions.map((q) => q.id));
    expect(dashboard.students[0]?.correct).toBe(1);
  });

  it("the preview key shows the questions with their answers and joins nobody; another key is refused", async () => {
    const { classroom } = on;
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
    const { previewKey, questions } = await classroom.getQuestionChoices(sessionId, hostCredential, {});
    const preview = await classroom.getPreview(sessionId, previewKey);
    expect(preview.questions.map((q) => q.correctAnswer)).toEqual(questions.map((q) => q.correctAnswer));
    expect((await classroom.getHostView(sessionId, hostCredential)).players).toHaveLength(0);
    expect(await refusal(classroom.getPreview(sessionId, hostCredential))).toMatchObject({ code: "not_host" });
    // The preview key cannot run the session.
    expect(await refusal(classroom.hostAction(sessionId, previewKey, { action: "start", version: 0 }))).toMatchObject({ code: "not_host" });
  });
});

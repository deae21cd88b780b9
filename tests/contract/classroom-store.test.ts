import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { createClassroomService, type ClassroomService } from "@/lib/classroom";
import { dashboardCsv } from "@/lib/classroom/csv";
import { ClassroomError } from "@/lib/classroom/errors";
import { classroomKeys } from "@/lib/classroom/keys";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { HostView, StudentView } from "@/lib/classroom/views";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";
import type { StoreConfig } from "@/lib/env";
import { createStore, op, type Store } from "@/lib/store";
import { countingStore } from "@/bench/server/counting-store";
import { storeConfigs } from "../support/store-configs";
import { fixtureBank } from "../unit/quiz-fixtures";

/**
 * Classroom sessions on every store adapter: embedded SQLite, a real Redis,
 * and Vercel KV through the Upstash bridge (the last two skipped locally
 * without redis-server; see tests/support/global-setup.ts). What matters is
 * what a class would notice: joins that respect names and the cap, answers
 * counted exactly once under concurrency, a teacher's actions applied once,
 * removed students kept out, and nothing kept past its time.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "sessions-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const STORES = storeConfigs(dataDir);

const DAY = 86_400;
const bank = fixtureBank();
const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: undefined, timer: 20, scoring: "accuracy", dueInHours: 24 };
const HOMEWORK: CreateSessionInput = { ...LIVE, mode: "homework", timer: 0 };

/** A client address of its own per test, so rate limits never leak between tests or runs on a shared Redis. */
const client = () => `test-${randomBytes(6).toString("hex")}`;

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ClassroomError || error instanceof ApiError) return { code: error.code, status: error.status };
  throw new Error(`expected a refusal, got ${String(error)}`);
}

function keyOf(question: Question | undefined): string | string[] {
  if (!question) throw new Error("no question");
  return answerKey(question);
}

/** A wrong answer to the question: another option, False for True, or the ordering reversed. */
function wrongOf(question: Question | undefined): string | string[] {
  const key = keyOf(question);
  if (Array.isArray(key)) return [...key].reverse();
  if (question?.kind === "true-false") return key === "true" ? "false" : "true";
  return (question?.kind === "single" || question?.kind === "who-said" ? question.options : []).find((o) => o.id !== key)?.id ?? "";
}

for (const [name, config] of STORES) {
  describe.skipIf(!config)(`classroom sessions: ${name}${config ? "" : " (skipped: redis-server is not installed)"}`, () => {
    let store: Store;
    let now = Date.now();
    let classroom: ClassroomService;

    beforeAll(async () => {
      store = await createStore(config as StoreConfig, { timeoutMs: 15_000 });
      classroom = createClassroomService({ store, bank, now: () => now });
    });
    afterAll(async () => {
      await store?.close();
    });

    /** A live session with `count` students who joined, each with their token. */
    async function session(input: CreateSessionInput, count: number) {
      const created = await classroom.createSession(input, { client: client() });
      const students = [];
      for (let i = 0; i < count; i += 1) {
        students.push(await classroom.joinSession(created.sessionId, { nickname: `Student ${i + 1}`, token: undefined }, { client: client() }));
      }
      return { ...created, students };
    }

    const currentQuestion = async (sessionId: string, token: string) => {
      const view = (await classroom.pollStudent(sessionId, token, -1)) as StudentView;
      return { view, question: bank.get(view.question?.id ?? "") };
    };

    it("finds a session by its code, and a right code costs nothing", async () => {
      const { sessionId, code } = await classroom.createSession(LIVE, { client: client() });
      const school = client();
      for (let i = 0; i < 100; i += 1) expect(await classroom.lookupCode(code, { client: school })).toEqual({ sessionId });
    });

    it("wrong codes cost the guesser: refused after 60 in 10 minutes, even with a right code", async () => {
      const { code } = await classroom.createSession(LIVE, { client: client() });
      const guesser = client();
      for (let i = 0; i < 60; i += 1) expect((await refusal(classroom.lookupCode("ZZZZZZZZ", { client: guesser }))).code).toBe("not_found");
      expect(await refusal(classroom.lookupCode("ZZZZZZZZ", { client: guesser }))).toEqual({ code: "rate_limited", status: 429 });
      expect((await refusal(classroom.lookupCode(code, { client: guesser }))).status).toBe(429);
      // Another client behind another address is not affected.
      expect(await classroom.lookupCode(code, { client: client() })).toHaveProperty("sessionId");
    });

    it("a class of 40 behind one school address joins without being limited", async () => {
      const { sessionId } = await classroom.createSession(LIVE, { client: client() });
      const school = client();
      const joined = await Promise.all(
        Array.from({ length: 40 }, (_, i) => classroom.joinSession(sessionId, { nickname: `Pupil ${i}`, token: undefined }, { client: school })),
      );
      expect(new Set(joined.map((j) => j.playerId)).size).toBe(40);
    });

    it("nicknames are unique in a session, ignoring case; blank gets a friendly generated name", async () => {
      const { sessionId, students } = await session(LIVE, 1);
      expect(await refusal(classroom.joinSession(sessionId, { nickname: "student 1", token: undefined }, { client: client() }))).toEqual({
        code: "nickname_taken",
        status: 409,
      });
      const generated = await classroom.joinSession(sessionId, { nickname: undefined, token: undefined }, { client: client() });
      expect(generated.nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);
      expect((await refusal(classroom.joinSession(sessionId, { nickname: "shithead", token: undefined }, { client: client() }))).code).toBe("invalid_nickname");
      // The same phone coming back is the same player, whatever it types.
      const again = await classroom.joinSession(sessionId, { nickname: "Someone Else", token: students[0]?.token }, { client: client() });
      expect(again).toMatchObject({ rejoined: true, playerId: students[0]?.playerId, nickname: "Student 1" });
    });

    it("holds at its seats (CLASSROOM_MAX_PLAYERS, 200 here) when 210 join at once", async () => {
      const classroom = createClassroomService({ store, bank, now: () => now, classroomMaxPlayers: 200 });
      const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client() });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 210 }, (_, i) => classroom.joinSession(sessionId, { nickname: `Seat ${i}`, token: undefined }, { client: `cap-${i}-${sessionId}` })),
      );
      const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as ClassroomError] : []));
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(200);
      expect(refused.map((e) => e.code)).toEqual(Array(10).fill("full"));
      const view = await classroom.getHostView(sessionId, hostCredential);
      expect(view.players).toHaveLength(200);
    });

    it("a teacher's action applies once: two devices pressing Start together", async () => {
      const { sessionId, hostCredential } = await session(LIVE, 2);
      const results = await Promise.allSettled([
        classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 }),
        classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect((await classroom.getHostView(sessionId, hostCredential)).version).toBe(1);
      expect(await refusal(classroom.hostAction(sessionId, "not-the-key", { action: "next", version: 1 }))).toEqual({ code: "not_host", status: 403 });
    });

    it("counts every answer exactly once, with 40 students answering at once and double taps", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 40);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, students[0]?.token ?? "");
      const answers = students.map((_, i) => (i % 4 === 0 ? wrongOf(question) : keyOf(question)));
      // Each student's answer is sent twice at once, as a double tap or a retry would.
      const sends = students.flatMap((student, i) =>
        [0, 1].map(() => classroom.answer(sessionId, student.token, { questionId: question?.id ?? "", answer: answers[i] ?? "" }, { client: client() })),
      );
      await Promise.all(sends);

      const host = await classroom.getHostView(sessionId, hostCredential);
      expect(host.answered).toBe(40);
      const reveal = (await classroom.hostAction(sessionId, hostCredential, { action: "reveal", version: 1 })).reveal;
      expect(reveal?.answered).toBe(40);
      expect(reveal?.distribution.reduce((sum, bar) => sum + bar.count, 0)).toBe(40);
      expect(reveal?.distribution.find((bar) => bar.correct)?.count).toBe(30);
      const dashboard = await classroom.getDashboard(sessionId, hostCredential);
      expect(dashboard.students.map((s) => s.score).reduce((a, b) => a + b, 0)).toBe(30);
      expect(dashboard.students.every((s) => s.answered === 1)).toBe(true);
      // A different second answer is refused, not counted.
      expect((await refusal(classroom.answer(sessionId, students[0]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() }))).code).toMatch(
        /conflict|closed/,
      );
    });

    it("refuses answers once the timer has run out (after a short grace) or the teacher closed the question", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 3);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, students[0]?.token ?? "");
      const send = (i: number) => classroom.answer(sessionId, students[i]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      const started = now;
      now = started + 20_000 + 1_000; // in flight when the timer ended: still counted
      await expect(send(0)).resolves.toMatchObject({ mode: "live" });
      now = started + 20_000 + 2_000;
      expect(await refusal(send(1))).toEqual({ code: "closed", status: 409 });
      now = started;
      expect((await refusal(classroom.hostAction(sessionId, hostCredential, { action: "next", version: 1 }))).code).toBe("conflict");
      await classroom.hostAction(sessionId, hostCredential, { action: "close", version: 1 });
      expect((await refusal(send(2))).code).toBe("closed");
      // An answer a phone kept while offline, arriving after the teacher moved on: late, not "another question".
      await classroom.hostAction(sessionId, hostCredential, { action: "next", version: 2 });
      expect(await refusal(send(2))).toEqual({ code: "closed", status: 409 });
    });

    it("the dashboard lists students by score, then by nickname as a teacher reads it (Student 2 before Student 10), removed ones last", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 11);
      await classroom.hostAction(sessionId, hostCredential, { action: "remove", version: 0, playerId: students[4]?.playerId });
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, students[10]?.token ?? "");
      await classroom.answer(sessionId, students[10]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      const dashboard = await classroom.getDashboard(sessionId, hostCredential, { page: 1 });
      expect(dashboard.students.map((s) => [s.nickname, s.rank])).toEqual([
        ["Student 11", 1],
        ...[1, 2, 3, 4, 6, 7, 8, 9, 10].map((n) => [`Student ${n}`, 2]),
        ["Student 5", null],
      ]);
      expect(dashboard.studentList).toEqual({ active: 10, total: 11, first: 0 });
      // The teacher's view counts the answers so far: what the dashboard watches for homework.
      expect((await classroom.getHostView(sessionId, hostCredential)).answers).toBe(1);
    });

    it("a student's poll is one round trip, and says 'unchanged' when nothing moved", async () => {
      const { sessionId, students } = await session(LIVE, 1);
      const counted = countingStore(store);
      const service = createClassroomService({ store: counted.store, bank, now: () => now });
      const first = await service.pollStudent(sessionId, students[0]?.token, -1);
      expect(first).toMatchObject({ phase: "lobby", nickname: "Student 1" });
      expect(await service.pollStudent(sessionId, students[0]?.token, 0)).toEqual({ changed: false, version: 0, now, players: 1 });
      expect(counted.counts().roundTrips).toBe(2);
    });

    it("what a class's store bill is made of: the shared state is one command, an answer seven in two round trips, and every key it writes still expires", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 2);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const counted = countingStore(store);
      const service = createClassroomService({ store: counted.store, bank, now: () => now });
      await service.getLive(sessionId);
      expect(counted.counts()).toMatchObject({ roundTrips: 1, commands: 1 });
      const { question } = await currentQuestion(sessionId, students[0]?.token ?? "");
      const before = counted.counts();
      await service.answer(sessionId, students[0]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      const after = counted.counts();
      expect({ roundTrips: after.roundTrips - before.roundTrips, commands: after.commands - before.commands }).toEqual({ roundTrips: 2, commands: 7 });

      const expiries = async () => {
        const keys = [classroomKeys.session(sessionId), classroomKeys.distribution(sessionId, 0), classroomKeys.player(sessionId, students[0]?.playerId ?? ""), classroomKeys.scores(sessionId)];
        return (await store.exec(keys.map((key) => op.ttl(key)))) as number[];
      };
      const [sessionTtl, ...written] = await expiries();
      for (const ttl of written) {
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(sessionTtl ?? 0);
      }

      // A question opened by an older deploy, which did not create its distribution key: the answer gives it the expiry.
      await store.exec([op.del(classroomKeys.distribution(sessionId, 0)), op.hset(classroomKeys.session(sessionId), { dk: "" })]);
      await service.answer(sessionId, students[1]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      const [, distributionTtl] = await expiries();
      expect(distributionTtl).toBeGreaterThan(0);
    });

    it("a removed student is refused everywhere, and cannot take their nickname back", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 2);
      const [kept, removed] = students;
      await classroom.hostAction(sessionId, hostCredential, { action: "remove", version: 0, playerId: removed?.playerId });
      expect(await refusal(classroom.pollStudent(sessionId, removed?.token, -1))).toEqual({ code: "removed", status: 403 });
      expect((await refusal(classroom.joinSession(sessionId, { nickname: "New Me", token: removed?.token }, { client: client() }))).code).toBe("removed");
      expect((await refusal(classroom.joinSession(sessionId, { nickname: "Student 2", token: undefined }, { client: client() }))).code).toBe("nickname_taken");
      const view: HostView = await classroom.getHostView(sessionId, hostCredential);
      expect(view.players.map((p) => p.nickname)).toEqual(["Student 1"]);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const standings = await classroom.hostAction(sessionId, hostCredential, { action: "end", version: 1 });
      expect(standings.top?.map((entry) => entry.nickname)).toEqual([kept?.nickname]);
      // Locked and ended sessions take no one new.
      expect((await refusal(classroom.joinSession(sessionId, { nickname: "Late", token: undefined }, { client: client() }))).code).toBe("ended");
    });

    it("a student with double time answers after the class's time is up, and only they can tell", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 3);
      const [slow, classmate, untimed] = students;
      const accommodate = (playerId: string | undefined, extraTime: "2" | "untimed", fewerOptions: boolean) =>
        classroom.hostAction(sessionId, hostCredential, { action: "accommodate", version: 0, playerId, extraTime, fewerOptions });
      await accommodate(slow?.playerId, "2", true);
      await accommodate(untimed?.playerId, "untimed", false);
      const started = now;
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, classmate?.token ?? "");
      const send = (token: string | undefined) => classroom.answer(sessionId, token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });

      now = started + 30_000;
      expect(await refusal(send(classmate?.token))).toEqual({ code: "closed", status: 409 });
      const host = await classroom.getHostView(sessionId, hostCredential);
      expect(host).toMatchObject({ phase: "closed", closesAt: null });
      expect(await classroom.pollStudent(sessionId, classmate?.token, -1)).toMatchObject({ phase: "closed", closesAt: null });
      expect(await classroom.pollStudent(sessionId, slow?.token, host.version)).toMatchObject({ phase: "open", closesAt: started + 40_000 });
      await expect(send(slow?.token)).resolves.toMatchObject({ mode: "live" });
      now = started + 10 * 60_000;
      await expect(send(untimed?.token)).resolves.toMatchObject({ mode: "live" });

      const dashboard = await classroom.getDashboard(sessionId, hostCredential);
      expect(dashboard.students.map((s) => [s.nickname, s.answered, s.accommodations])).toEqual([
        ["Student 1", 1, { extraTime: "2", fewerOptions: true }],
        ["Student 3", 1, { extraTime: "untimed", fewerOptions: false }],
        ["Student 2", 0, { extraTime: "none", fewerOptions: false }],
      ]);
      expect(dashboardCsv(dashboard)).toContain('"extra time ×2; fewer options"');
      // The reveal ends the question for everyone, however much time they had.
      await classroom.hostAction(sessionId, hostCredential, { action: "reveal", version: 1 });
      await accommodate(classmate?.playerId, "2", false);
      expect((await refusal(send(classmate?.token))).code).toBe("closed");
      // Only students in the session can be given anything.
      await classroom.hostAction(sessionId, hostCredential, { action: "remove", version: 0, playerId: classmate?.playerId });
      expect(await refusal(accommodate(classmate?.playerId, "2", false))).toEqual({ code: "not_found", status: 404 });
    });

    it("fewer options takes one wrong option from that student's phone only, the same one on every poll", async () => {
      const { sessionId, hostCredential, students } = await session({ ...LIVE, length: 10 }, 2);
      const [helped, classmate] = students;
      // Whatever the draw, the session ends with a four-option question.
      const drawn = await classroom.getQuestionChoices(sessionId, hostCredential, {});
      const fourOptions = bank.questions.find((q) => q.kind === "single" && q.options.length === 4 && !drawn.questions.some((d) => d.id === q.id));
      const edited = await classroom.editQuestions(sessionId, hostCredential, { edit: "add", questionId: fourOptions?.id ?? "", version: drawn.version });
      await classroom.hostAction(sessionId, hostCredential, { action: "accommodate", version: edited.version, playerId: helped?.playerId, fewerOptions: true });
      let version = (await classroom.hostAction(sessionId, hostCredential, { action: "start", version: edited.version })).version;
      for (;;) {
        const { view, question } = await currentQuestion(sessionId, classmate?.token ?? "");
        const helpedView = (await classroom.pollStudent(sessionId, helped?.token, -1)) as StudentView;
        const options = (shown: StudentView["question"]) => (shown?.kind === "single" || shown?.kind === "who-said" ? shown.options.map((o) => o.id) : []);
        const all = options(view.question);
        if (all.length === 4) {
          const kept = options(helpedView.question);
          expect(kept).toHaveLength(3);
          expect(kept).toContain(keyOf(question));
          expect(all.filter((id) => !kept.includes(id))).toHaveLength(1);
          expect(options(((await classroom.pollStudent(sessionId, helped?.token, -1)) as StudentView).question)).toEqual(kept);
          expect(JSON.stringify(await classroom.getHostView(sessionId, hostCredential))).toContain(all.find((id) => !kept.includes(id)));
          return;
        }
        expect(options(helpedView.question)).toEqual(all);
        version = (await classroom.hostAction(sessionId, hostCredential, { action: "close", version })).version;
        version = (await classroom.hostAction(sessionId, hostCredential, { action: "next", version })).version;
      }
    });

    it("a locked session takes no one new, but its students carry on", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 1);
      await classroom.hostAction(sessionId, hostCredential, { action: "lock", version: 0 });
      expect(await refusal(classroom.joinSession(sessionId, { nickname: "Late", token: undefined }, { client: client() }))).toEqual({ code: "locked", status: 403 });
      await expect(classroom.pollStudent(sessionId, students[0]?.token, -1)).resolves.toMatchObject({ phase: "lobby" });
    });

    it("every key expires: within 30 days at first, and 7 days after the teacher ends the session", async () => {
      const { sessionId, hostCredential, code, students } = await session(LIVE, 3);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, students[0]?.token ?? "");
      await classroom.answer(sessionId, students[0]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      await classroom.hostAction(sessionId, hostCredential, { action: "remove", version: 0, playerId: students[2]?.playerId });

      const ttls = async () => {
        const keys = [...(await store.keys(classroomKeys.session(sessionId))), classroomKeys.code(code)];
        const values = await store.exec(keys.map((key) => op.ttl(key)));
        return new Map(keys.map((key, i) => [key, values[i] as number]));
      };
      const before = await ttls();
      expect(before.size).toBeGreaterThanOrEqual(12);
      for (const [key, ttl] of before) {
        expect(ttl, key).toBeGreaterThan(29 * DAY);
        expect(ttl, key).toBeLessThanOrEqual(30 * DAY);
      }
      await classroom.hostAction(sessionId, hostCredential, { action: "end", version: 1 });
      for (const [key, ttl] of await ttls()) {
        expect(ttl, key).toBeGreaterThan(6 * DAY);
        expect(ttl, key).toBeLessThanOrEqual(7 * DAY);
      }
    });

    it("homework: each at their own pace, with feedback, until the deadline", async () => {
      const start = now;
      const { sessionId, hostCredential, students } = await session(HOMEWORK, 2);
      const [ann] = students;
      for (let i = 0; i < 5; i += 1) {
        const play = await classroom.getPlayView(sessionId, ann?.token);
        if (play.mode !== "homework" || !play.view.question) throw new Error("expected a homework question");
        const question = bank.get(play.view.question.id);
        const result = await classroom.answer(sessionId, ann?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
        expect(result).toMatchObject({ mode: "homework", feedback: { correct: true } });
      }
      const done = await classroom.getPlayView(sessionId, ann?.token);
      expect(done).toMatchObject({ mode: "homework", view: { question: null, score: 5, rank: { rank: 1, of: 2 } } });
      // Live-only actions make no sense for homework.
      expect((await refusal(classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 }))).code).toBe("conflict");
      // After the deadline, no more answers.
      now = start + 24 * 3_600_000;
      const late = await classroom.getPlayView(sessionId, students[1]?.token);
      expect(late).toMatchObject({ mode: "homework", view: { ended: true, question: null } });
      expect((await refusal(classroom.answer(sessionId, students[1]?.token, { questionId: "fx-single", answer: "singapore" }, { client: client() }))).code).toBe("ended");
      now = start;
    });

    it("the dashboard and CSV show each student's answers and each question's results", async () => {
      const { sessionId, hostCredential, students } = await session(LIVE, 2);
      await classroom.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
      const { question } = await currentQuestion(sessionId, students[0]?.token ?? "");
      await classroom.answer(sessionId, students[0]?.token, { questionId: question?.id ?? "", answer: keyOf(question) }, { client: client() });
      await classroom.answer(sessionId, students[1]?.token, { questionId: question?.id ?? "", answer: wrongOf(question) }, { client: client() });
      const dashboard = await classroom.getDashboard(sessionId, hostCredential);
      expect(dashboard.students.map((s) => [s.nickname, s.rank, s.correct])).toEqual([
        ["Student 1", 1, 1],
        ["Student 2", 2, 0],
      ]);
      expect(dashboard.questions[0]).toMatchObject({ class: { share: 0.5, answered: 2 }, mostChosenWrong: { count: 1 } });
      const csv = dashboardCsv(dashboard).split("\r\n");
      expect(csv[1]).toMatch(/^"Student 1","",1,1,1,1,"✓ /);
      expect(csv[2]).toMatch(/^"Student 2","",2,0,0,1,"✗ /);
      expect((await refusal(classroom.getDashboard(sessionId, undefined))).code).toBe("not_host");
    });
  });
}

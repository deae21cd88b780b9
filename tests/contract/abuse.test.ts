import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { createQuizService, type QuizService } from "@/lib/quiz";
import { QUIZ_RATE_LIMITS } from "@/lib/quiz/limits";
import { FAIR_PLAY, minimumPlayMs } from "@/lib/quiz/fair-play";
import { quizKeys } from "@/lib/quiz/keys";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";
import { questionKeys } from "@/lib/questions/stats";
import { rateLimitWindow, type RateLimitRule } from "@/lib/rate-limit";
import { createClassroomService, type ClassroomService } from "@/lib/classroom";
import { ClassroomError } from "@/lib/classroom/errors";
import { classroomKeys } from "@/lib/classroom/keys";
import { CLASSROOM_RATE_LIMITS, joinsPerSession } from "@/lib/classroom/limits";
import { classTally } from "@/lib/classroom/scoring";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { StudentView } from "@/lib/classroom/views";
import { createStore, op, type Store } from "@/lib/store";
import { countingStore } from "@/bench/server/counting-store";
import { storeConfigs } from "../support/store-configs";
import { fixtureBank, HANDWRITTEN } from "../unit/quiz-fixtures";

/**
 * Abuse and retries, on every store adapter: each rate limit refuses with
 * 429 + Retry-After and a message a person can act on, stores nothing when
 * it does, and never stops a class of 40 behind one school address; and
 * idempotency keys turn retries into the first result (409 while it is in
 * flight, 422 for another payload) without counting anything twice.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "abuse-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A client or key of its own per test: the counters live in a Redis shared by runs and adapters. */
const unique = (what: string) => `${what}-${randomBytes(8).toString("hex")}`;
const newKey = () => randomUUID();

/** The thrown error's status, code, message and headers (a 429 must carry Retry-After). */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message, headers: error.headers ?? {} };
  if (error instanceof ClassroomError) return { status: error.status, code: error.code, message: error.message, headers: {} };
  throw new Error(`expected a refusal, got ${String(error)}`);
}

function expectTooMany(seen: Awaited<ReturnType<typeof refusal>>, message: RegExp): void {
  expect(seen).toMatchObject({ status: 429, code: "rate_limited" });
  expect(seen.message).toMatch(message);
  expect(Number(seen.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
}

/** Fills a rule's current window for `subject`, so the next counted request is over the limit. */
async function exhaust(store: Store, rule: RateLimitRule, subject: string, now: number): Promise<void> {
  const window = rateLimitWindow(rule, subject, now);
  await store.exec([op.set(window.current, String(rule.limit), { ttlSeconds: rule.windowSeconds * 2 })]);
}

/** The guard keys of every `execIf`: where a refused write would have written first. */
function watchGuards(store: Store): { spying: Store; guards: string[] } {
  const guards: string[] = [];
  return { spying: { ...store, execIf: (guard, ops) => (guards.push(guard.key), store.execIf(guard, ops)) }, guards };
}

/**
 * Holds every `execIf` at a gate until released: the way to have a request
 * still "in flight" when its retry arrives, without racing against a sleep.
 */
function gatedStore(store: Store) {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let entered = () => {};
  let reached = new Promise<void>((resolve) => (entered = resolve));
  const gated: Store = {
    kind: store.kind,
    exec: (ops) => store.exec(ops),
    execIf: async (guard, ops) => {
      if (gate) {
        entered();
        await gate;
      }
      return store.execIf(guard, ops);
    },
    ping: () => store.ping(),
    keys: (prefix) => store.keys(prefix),
    close: () => store.close(),
  };
  return {
    store: gated,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
      reached = new Promise((resolve) => (entered = resolve));
    },
    /** Resolves once a held call is waiting at the gate. */
    reached: () => reached,
    release() {
      gate = null;
      open();
    },
  };
}

const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: undefined, timer: 0, scoring: "accuracy", dueInHours: 24 };

for (const [name, config] of storeConfigs(dataDir)) {
  describe.skipIf(!config)(`abuse and retries: ${name}${config ? "" : " (skipped: redis-server is not installed)"}`, () => {
    let store: Store;
    const now = Date.now();
    const bank = fixtureBank([...HANDWRITTEN]);
    let quiz: QuizService;
    let classroom: ClassroomService;
    const gate = { current: null as ReturnType<typeof gatedStore> | null };

    beforeAll(async () => {
      store = await createStore(config as NonNullable<typeof config>, { timeoutMs: 15_000 });
      gate.current = gatedStore(store);
      quiz = createQuizService({ store, bank, now: () => now });
      classroom = createClassroomService({ store, bank, now: () => now });
    });
    afterAll(async () => {
      await store?.close();
    });

    const right = (question: Question) => answerKey(question);
    const stats = async (question: Question) =>
      (await store.exec([op.hgetall(questionKeys.stats(question.id, question.version))]))[0];
    const attemptHash = async (attemptId: string) => (await store.exec([op.hgetall(quizKeys.attempt(attemptId))]))[0];

    describe("quiz rate limits", () => {
      it("over an attempt's answer limit: 429 with Retry-After, and nothing is recorded", async () => {
        const who = { client: unique("phone") };
        const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
        const question = HANDWRITTEN[0] as Question;
        const before = await stats(question);
        await exhaust(store, QUIZ_RATE_LIMITS.answersPerAttempt, attemptId, now);

        expectTooMany(await refusal(quiz.answerQuestion(attemptId, { questionId: question.id, answer: right(question) }, who)), /Too many answers.*this quiz/);
        expect(await stats(question)).toEqual(before);
        expect(await attemptHash(attemptId)).toMatchObject({ answered: "0", score: "0" });
        const [slot] = await store.exec([op.get(quizKeys.slot(attemptId, question.id, question.version))]);
        expect(slot).toBe("pending");
      });

      it("over a network's start limit: 429, and no attempt is written", async () => {
        const who = { client: unique("school") };
        await exhaust(store, QUIZ_RATE_LIMITS.startsPerClient, who.client, now);
        const { spying, guards } = watchGuards(store);
        const seen = await refusal(createQuizService({ store: spying, bank, now: () => now }).startAttempt({ length: 5 }, who));
        expectTooMany(seen, /Too many quizzes have been started from this network/);
        const attemptId = /^quiz:att:([^:]+):/.exec(guards[0] ?? "")?.[1] ?? "";
        expect(attemptId).not.toBe("");
        expect(await store.keys(quizKeys.attempt(attemptId))).toEqual([]);
      });

      it("over a network's nickname limit: 429, and the result stays off the leaderboard", async () => {
        const who = { client: unique("school") };
        const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
        for (const question of HANDWRITTEN) await quiz.answerQuestion(attemptId, { questionId: question.id, answer: right(question) }, who);
        await quiz.getResults(attemptId);
        await exhaust(store, QUIZ_RATE_LIMITS.nicknamesPerClient, who.client, now);
        expectTooMany(await refusal(quiz.submitNickname(attemptId, "Limited Larry", who)), /Too many nicknames/);
        expect((await attemptHash(attemptId)).nickname).toBeUndefined();
        expect(await store.exec([op.get(quizKeys.named(attemptId))])).toEqual([null]);
      });

      it("leaderboards: a result faster than reading stays off with a note; an honest pace lands; one network gets three entries", async () => {
        // A board of its own: a day years ahead, different on every run.
        let clock = now + (1_000 + Math.floor(Math.random() * 20_000)) * 86_400_000;
        const paced = createQuizService({ store, bank, now: () => clock });
        const play = async (who: { client: string }, msPerQuestion: number, nickname: string) => {
          const { attemptId } = await paced.startAttempt({ length: 5 }, who);
          for (const question of HANDWRITTEN) {
            clock += msPerQuestion;
            await paced.answerQuestion(attemptId, { questionId: question.id, answer: right(question) }, who);
          }
          await paced.getResults(attemptId);
          return { attemptId, named: await paced.submitNickname(attemptId, nickname, who) };
        };
        const script = await play({ client: unique("script") }, 50, "Speedy Script");
        expect(script.named.rank).toEqual({ day: null, month: null });
        expect(script.named.offBoard).toMatch(/faster than the questions can be read/);
        expect((await paced.getResults(script.attemptId)).offBoard).toBe(script.named.offBoard);

        const minimum = minimumPlayMs(HANDWRITTEN.map((question) => question.prompt));
        const honestPace = Math.ceil(minimum / HANDWRITTEN.length) + 2_000;
        const honest = await play({ client: unique("home") }, honestPace, "Honest Player");
        expect(honest.named.offBoard).toBeNull();
        expect(honest.named.rank.day).not.toBeNull();

        const school = { client: unique("school") };
        const entries = [];
        for (let i = 0; i <= FAIR_PLAY.entriesPerNetwork; i += 1) entries.push((await play(school, honestPace, `Pupil ${i + 1}`)).named);
        expect(entries.filter((named) => named.rank.day !== null)).toHaveLength(FAIR_PLAY.entriesPerNetwork);
        expect(entries.at(-1)?.offBoard).toMatch(/results from your network are already on them/);
      });

      it("a class of 40 behind one school address starts, answers everything and names its results", async () => {
        const school = { client: unique("school") };
        const pupils = await Promise.all(Array.from({ length: 40 }, () => quiz.startAttempt({ length: 5 }, school)));
        await Promise.all(
          pupils.flatMap(({ attemptId }) =>
            HANDWRITTEN.map((question) => quiz.answerQuestion(attemptId, { questionId: question.id, answer: right(question) }, school)),
          ),
        );
        await Promise.all(pupils.map(({ attemptId }) => quiz.getResults(attemptId)));
        const named = await Promise.all(pupils.map(({ attemptId }, i) => quiz.submitNickname(attemptId, `Pupil ${i + 1}`, school)));
        expect(named).toHaveLength(40);
      });
    });

    it("limits and keys cost no round trip: a start and an answer are one each", async () => {
      const counted = countingStore(store);
      const counting = createQuizService({ store: counted.store, bank, now: () => now });
      const who = { client: unique("phone"), idempotencyKey: newKey() };
      const { attemptId } = await counting.startAttempt({ length: 5 }, who);
      expect(counted.counts().roundTrips).toBe(1);
      const question = HANDWRITTEN[0] as Question;
      await counting.answerQuestion(attemptId, { questionId: question.id, answer: right(question) }, who);
      expect(counted.counts().roundTrips).toBe(2);
    });

    describe("idempotent quiz answers", () => {
      it("a retry after success gets the identical result, and the answer counts once", async () => {
        const who = { client: unique("phone"), idempotencyKey: newKey() };
        const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
        const question = HANDWRITTEN[1] as Question;
        const before = Number((await stats(question)).total ?? 0);
        const input = { questionId: question.id, answer: right(question) };
        const first = await quiz.answerQuestion(attemptId, input, who);
        const retry = await quiz.answerQuestion(attemptId, input, who);
        expect(retry).toEqual(first);
        expect(first.replay).toBe(false);
        expect(Number((await stats(question)).total)).toBe(before + 1);
        expect(await attemptHash(attemptId)).toMatchObject({ answered: "1", score: "1" });
        // The same answer from another request (another key, or none) is still a replay.
        expect((await quiz.answerQuestion(attemptId, input, { client: who.client })).replay).toBe(true);
      });

      it("the same key with another answer: 422, and the first answer stands", async () => {
        const who = { client: unique("phone"), idempotencyKey: newKey() };
        const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
        const question = HANDWRITTEN[1] as Question;
        await quiz.answerQuestion(attemptId, { questionId: question.id, answer: "true" }, who);
        const seen = await refusal(quiz.answerQuestion(attemptId, { questionId: question.id, answer: "false" }, who));
        expect(seen).toMatchObject({ status: 422, code: "idempotency_key_reused" });
        expect(seen.message).toMatch(/different answer.*Reload the page/);
        expect((await attemptHash(attemptId))[`a:${question.id}`]).toBe(JSON.stringify("true"));
      });

      it("a retry while the first is in flight: 409, and the answer counts once", async () => {
        const held = gate.current as ReturnType<typeof gatedStore>;
        const slow = createQuizService({ store: held.store, bank, now: () => now });
        const who = { client: unique("phone"), idempotencyKey: newKey() };
        const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
        const question = HANDWRITTEN[0] as Question;
        const input = { questionId: question.id, answer: right(question) };
        const before = Number((await stats(question)).total ?? 0);

        held.hold();
        const first = slow.answerQuestion(attemptId, input, who);
        await held.reached();
        const seen = await refusal(slow.answerQuestion(attemptId, input, who));
        expect(seen).toMatchObject({ status: 409, code: "request_in_progress" });
        expect(seen.message).toMatch(/Your answer is still being processed/);
        held.release();
        expect((await first).replay).toBe(false);
        expect(await slow.answerQuestion(attemptId, input, who)).toEqual(await first);
        expect(Number((await stats(question)).total)).toBe(before + 1);
      });
    });

    describe("classroom rate limits", () => {
      async function liveSession() {
        const created = await classroom.createSession(LIVE, { client: unique("teacher") });
        const school = unique("school");
        const students = await Promise.all(
          Array.from({ length: 40 }, () => classroom.joinSession(created.sessionId, { nickname: undefined, token: undefined }, { client: school })),
        );
        // Past the network's straight-in seats they wait; one "Let all in" seats them (tests/contract/waiting-room.test.ts).
        await classroom.hostAction(created.sessionId, created.hostCredential, { action: "admit-all", version: 0 });
        const view = await classroom.hostAction(created.sessionId, created.hostCredential, { action: "start", version: 0 });
        const asked = (await classroom.pollStudent(created.sessionId, students[0]?.token, -1)) as StudentView;
        const question = bank.get(asked.question?.id ?? "");
        if (!question) throw new Error("no question asked");
        return { ...created, school, students, version: view.version, question };
      }

      it("a class of 40 behind one school address joins and answers together", async () => {
        const { sessionId, school, students, question } = await liveSession();
        const answers = await Promise.all(
          students.map((student) => classroom.answer(sessionId, student.token, { questionId: question.id, answer: right(question) }, { client: school })),
        );
        expect(answers).toHaveLength(40);
        const [counts] = await store.exec([op.hgetall(classroomKeys.distribution(sessionId, 0))]);
        expect(classTally(question, counts)).toEqual({ total: 40, correct: 40 });
      });

      it("joins refused while the session is locked do not use up its allowance: after unlocking, a student gets in", async () => {
        // A small session, so its join allowance is quick to exceed.
        const seats = 20;
        const classroom = createClassroomService({ store, bank, now: () => now, classroomMaxPlayers: seats });
        const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: unique("teacher") });
        await classroom.hostAction(sessionId, hostCredential, { action: "lock", version: 0 });
        // More locked joins than the session allows joins, each from its own address (the per-network limits aside).
        for (let i = 0; i <= joinsPerSession(seats).limit; i += 1) {
          const seen = await refusal(classroom.joinSession(sessionId, { nickname: undefined, token: undefined }, { client: unique("junk") }));
          expect(seen.code).toBe("locked");
        }
        await classroom.hostAction(sessionId, hostCredential, { action: "unlock", version: 0 });
        const student = await classroom.joinSession(sessionId, { nickname: "After Unlock", token: undefined }, { client: unique("home") });
        expect(student.nickname).toBe("After Unlock");
      });

      it("over a network's creation limit: 429, and no session is written", async () => {
        const teacher = unique("teacher");
        await exhaust(store, CLASSROOM_RATE_LIMITS.createsPerClient, teacher, now);
        const { spying, guards } = watchGuards(store);
        const seen = await refusal(createClassroomService({ store: spying, bank, now: () => now }).createSession(LIVE, { client: teacher }));
        expectTooMany(seen, /Too many sessions have been created from this network/);
        expect(guards).toHaveLength(1);
        expect(await store.keys(guards[0] as string)).toEqual([]);
      });

      it("over a player's answer limit: 429 with Retry-After, and nothing is recorded", async () => {
        const { sessionId, school, students, question } = await liveSession();
        const student = students[0] as (typeof students)[number];
        await exhaust(store, CLASSROOM_RATE_LIMITS.answersPerPlayer, `${sessionId}:${student.playerId}`, now);
        const seen = await refusal(classroom.answer(sessionId, student.token, { questionId: question.id, answer: right(question) }, { client: school }));
        expectTooMany(seen, /Too many answers have been sent from this device/);
        const [counts, seq] = await store.exec([op.hgetall(classroomKeys.distribution(sessionId, 0)), op.get(classroomKeys.playerSeq(sessionId, student.playerId))]);
        expect([classTally(question, counts).total, seq]).toEqual([0, null]);
      });

      it("host actions over the limit: 429 and the session stays put; a stranger's refused tries do not count", async () => {
        const { sessionId, hostCredential, version } = await liveSession();
        for (let i = 0; i < 5; i += 1) {
          expect(await refusal(classroom.hostAction(sessionId, "a-guess", { action: "close", version }))).toMatchObject({ status: 403 });
        }
        await exhaust(store, CLASSROOM_RATE_LIMITS.hostActions, `${sessionId}:a-guess`, now);
        expect((await refusal(classroom.hostAction(sessionId, "a-guess", { action: "close", version }))).status).toBe(403);
        await exhaust(store, CLASSROOM_RATE_LIMITS.hostActions, `${sessionId}:${hostCredential}`, now);
        expectTooMany(await refusal(classroom.hostAction(sessionId, hostCredential, { action: "close", version })), /Too many changes to this session/);
        expect((await classroom.getHostView(sessionId, hostCredential)).version).toBe(version);
      });
    });

    describe("idempotent joins", () => {
      const players = async (sessionId: string) => (await store.exec([op.hgetall(classroomKeys.session(sessionId))]))[0].players;

      it("a retry after success gets the same player and token; one seat taken", async () => {
        const { sessionId } = await classroom.createSession(LIVE, { client: unique("teacher") });
        const input = { nickname: undefined, token: undefined };
        const requester = { client: unique("phone"), idempotencyKey: newKey() };
        const first = await classroom.joinSession(sessionId, input, requester);
        const retry = await classroom.joinSession(sessionId, input, requester);
        expect(retry).toEqual(first);
        expect(first.rejoined).toBe(false);
        expect(await players(sessionId)).toBe("1");
        expect((await refusal(classroom.joinSession(sessionId, { ...input, nickname: "Someone Else" }, requester))).status).toBe(422);
      });

      it("a retry while the first is in flight: 409; afterwards the first's result", async () => {
        const held = gate.current as ReturnType<typeof gatedStore>;
        const slow = createClassroomService({ store: held.store, bank, now: () => now });
        const { sessionId } = await classroom.createSession(LIVE, { client: unique("teacher") });
        const input = { nickname: "Ada", token: undefined };
        const requester = { client: unique("phone"), idempotencyKey: newKey() };
        held.hold();
        const first = slow.joinSession(sessionId, input, requester);
        await held.reached();
        const seen = await refusal(slow.joinSession(sessionId, input, requester));
        expect(seen).toMatchObject({ status: 409, code: "request_in_progress" });
        held.release();
        const joined = await first;
        expect(await slow.joinSession(sessionId, input, requester)).toEqual(joined);
        expect(await players(sessionId)).toBe("1");
      });

      it("a join that failed can be retried with its key", async () => {
        const { sessionId } = await classroom.createSession(LIVE, { client: unique("teacher") });
        await classroom.joinSession(sessionId, { nickname: "Taken", token: undefined }, { client: unique("phone") });
        const input = { nickname: "Taken", token: undefined };
        const requester = { client: unique("phone"), idempotencyKey: newKey() };
        expect(await refusal(classroom.joinSession(sessionId, input, requester))).toMatchObject({ status: 409, code: "nickname_taken" });
        // Not "in flight": the claim was released, so the retry is judged afresh.
        expect(await refusal(classroom.joinSession(sessionId, input, requester))).toMatchObject({ status: 409, code: "nickname_taken" });
        expect(await players(sessionId)).toBe("1");
      });
    });
  });
}

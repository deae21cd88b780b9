import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStore, op, type Store, type StoreKind } from "@/lib/store";
import { createQuizService, type QuizService } from "@/lib/quiz";
import type { PublicError, PublicErrorCode } from "@/lib/public-error";
import { QuestionError } from "@/lib/questions/errors";
import { QuizError } from "@/lib/quiz/errors";
import { QUIZ_TTL, quizKeys } from "@/lib/quiz/keys";
import type { Question } from "@/lib/questions/schemas";
import { QUESTION_STATS_TTL, questionKeys } from "@/lib/questions/stats";
import type { MakeStore } from "./store.contract";
import { fixtureBank, makeQuestion, orderQ, singleQ, trueFalseQ, whoSaidQ } from "../unit/quiz-fixtures";

/**
 * The quiz's store operations, run against every adapter the same way:
 * embedded SQLite in a temp dir, a real redis-server, and the Vercel KV
 * client through the Upstash bridge (both started by tests/support/global-setup.ts;
 * skipped locally when redis-server is missing).
 *
 * The redis and vercel-kv suites share one Redis, and every suite shares
 * the quiz's fixed key names, so checks on shared keys (score buckets,
 * leaderboards) compare before/after, and the concurrency test uses a
 * question id of its own.
 */

// Built the same way as tests/contract/store.test.ts builds its three stores (MakeStore from
// store.contract.ts): there is no shared factory to import without re-registering that file's suites.
const TIMEOUT_MS = 15_000;
const noRedis = "redis-server is not installed";

/** Created at import, so the embedded config is ready when the suites are collected. */
const dataDir = mkdtempSync(path.join(tmpdir(), "quiz-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** One client for the whole file, unique per run: the rate-limit counters live in the shared Redis. */
const who = { client: `quiz-store-test-${randomBytes(8).toString("hex")}` };

const redisUrl = inject("redisUrl");
const upstashUrl = inject("upstashUrl");
const upstashToken = inject("upstashToken");

const ADAPTERS: { kind: StoreKind; makeStore: MakeStore | undefined }[] = [
  { kind: "embedded", makeStore: () => createStore({ kind: "embedded", dataDir }, { timeoutMs: TIMEOUT_MS }) },
  {
    kind: "redis",
    makeStore: redisUrl ? () => createStore({ kind: "redis", url: redisUrl }, { timeoutMs: TIMEOUT_MS }) : undefined,
  },
  {
    kind: "vercel-kv",
    makeStore:
      upstashUrl && upstashToken
        ? () => createStore({ kind: "vercel-kv", url: upstashUrl, token: upstashToken }, { timeoutMs: TIMEOUT_MS })
        : undefined,
  },
];

/** A unique slug, so runs against a shared Redis never see each other's question statistics. */
const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)] ?? "x")}`;

/** A refusal a person caused: the quiz's own, or the question engine's for an impossible answer. */
async function expectRefusal(promise: Promise<unknown>, code: PublicErrorCode, status: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(code === "invalid_answer" ? QuestionError : QuizError);
  expect((error as PublicError).code).toBe(code);
  expect((error as PublicError).status).toBe(status);
}

for (const { kind, makeStore } of ADAPTERS) {
  const title = makeStore ? `quiz store: ${kind}` : `quiz store: ${kind} (skipped: ${noRedis})`;
  describe.skipIf(!makeStore)(title, () => {
    let store: Store;
    let quiz: QuizService;
    let now = Date.UTC(2026, 4, 20, 12, 0, 0);
    const HANDWRITTEN = [singleQ, trueFalseQ, orderQ, whoSaidQ];

    beforeAll(async () => {
      store = await (makeStore as MakeStore)();
      quiz = createQuizService({ store, bank: fixtureBank(HANDWRITTEN), now: () => now });
    });
    afterAll(async () => {
      await store?.close();
    });

    const right: Record<string, string | string[]> = {
      "fx-single": "singapore",
      "fx-true-false": "false",
      "fx-order": ["singapore", "hanoi", "dmz"],
      "fx-who-said": "trump",
    };
    const wrong: Record<string, string | string[]> = {
      "fx-single": "hanoi",
      "fx-true-false": "true",
      "fx-order": ["hanoi", "singapore", "dmz"],
      "fx-who-said": "kim",
    };
    const stats = async (q: Question) => (await store.exec([op.hgetall(questionKeys.stats(q.id, q.version))]))[0];
    const buckets = async (length: number) => (await store.exec([op.hgetall(quizKeys.scoreBuckets(length))]))[0];

    it("start → answer → same answer again → different answer → unknown attempt", async () => {
      const started = await quiz.startAttempt({ length: 5 }, who);
      expect(started.attemptId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(started.length).toBe(4); // the fixture bank has four questions
      expect(started.requestedLength).toBe(5);
      expect(JSON.stringify(started.questions)).not.toMatch(/"answer"|"explanation"|:true|:false/);

      const before = await stats(singleQ);
      const first = await quiz.answerQuestion(started.attemptId, { questionId: "fx-single", answer: "singapore" }, who);
      expect(first.replay).toBe(false);
      expect(first.feedback.correct).toBe(true);
      expect(first.feedback.correctAnswer).toBe("Singapore");
      expect(first.progress).toMatchObject({ answered: 1, score: 1, total: 4 });

      // A double submit: same feedback, counted once.
      const again = await quiz.answerQuestion(started.attemptId, { questionId: "fx-single", answer: "singapore" }, who);
      expect(again.replay).toBe(true);
      expect(again.feedback).toEqual(first.feedback);
      expect(again.progress).toEqual(first.progress);
      const after = await stats(singleQ);
      expect(Number(after.total)).toBe(Number(before.total ?? 0) + 1);
      expect(Number(after["choice:singapore"])).toBe(Number(before["choice:singapore"] ?? 0) + 1);

      await expectRefusal(quiz.answerQuestion(started.attemptId, { questionId: "fx-single", answer: "hanoi" }, who), "conflict", 409);
      await expectRefusal(quiz.answerQuestion(started.attemptId, { questionId: "fx-single", answer: "geneva" }, who), "invalid_answer", 422);
      await expectRefusal(
        quiz.answerQuestion(randomBytes(16).toString("base64url"), { questionId: "fx-single", answer: "singapore" }, who),
        "not_found",
        404,
      );
      await expectRefusal(quiz.answerQuestion("not an id!", { questionId: "fx-single", answer: "singapore" }, who), "not_found", 404);
      await expectRefusal(quiz.answerQuestion(started.attemptId, { questionId: "no-such-question", answer: "x" }, who), "not_found", 404);
      // Nothing above was counted.
      expect(await stats(singleQ)).toEqual(after);

      const view = await quiz.getAttempt(started.attemptId);
      expect(view.progress).toMatchObject({ answered: 1, score: 1, total: 4 });
      expect(view.questions.find((q) => q.question.id === "fx-single")?.feedback?.correct).toBe(true);
      await expectRefusal(quiz.getResults(started.attemptId), "not_finished", 409);
    });

    it("an invalid answer (422) writes nothing", async () => {
      const started = await quiz.startAttempt({ length: 5 }, who);
      const before = await stats(orderQ);
      await expectRefusal(quiz.answerQuestion(started.attemptId, { questionId: "fx-order", answer: ["hanoi", "dmz"] }, who), "invalid_answer", 422);
      expect(await stats(orderQ)).toEqual(before);
      // The slot is still pending: a valid answer is accepted afterwards.
      const ok = await quiz.answerQuestion(started.attemptId, { questionId: "fx-order", answer: ["dmz", "hanoi", "singapore"] }, who);
      expect(ok.feedback.correct).toBe(false);
      expect(ok.feedback.correctAnswer).toEqual(["Singapore", "Hanoi", "The DMZ"]);
    });

    it("results: score, review, percentile; counted once however often they are viewed", async () => {
      const bucketsBefore = await buckets(4);
      const a = await quiz.startAttempt({ length: 5 }, who);
      const b = await quiz.startAttempt({ length: 5 }, who);
      for (const q of HANDWRITTEN) {
        await quiz.answerQuestion(a.attemptId, { questionId: q.id, answer: right[q.id] as string | string[] }, who); // 4/4
        await quiz.answerQuestion(b.attemptId, { questionId: q.id, answer: (q.id === "fx-single" ? right : wrong)[q.id] as string | string[] }, who); // 1/4
      }

      // Viewed from several tabs at once: the score joins the buckets exactly once.
      const views = await Promise.all(Array.from({ length: 8 }, () => quiz.getResults(b.attemptId)));
      const lower = views[0];
      if (!lower) throw new Error("no results");
      expect(lower.score).toBe(1);
      expect(lower.total).toBe(4);
      expect(new Set(views.map((v) => v.finishedAt)).size).toBe(1);
      const answered = lower.review.flatMap((r) => (r.status === "current" ? [r] : []));
      expect(answered.map((r) => r.feedback.correct)).toEqual(HANDWRITTEN.map((q) => q.id === "fx-single"));
      expect(answered[0]).toMatchObject({ playerAnswer: "Singapore", questionId: "fx-single" });
      expect(answered.every((r) => r.answeredBy > 0 && r.shareCorrect !== null)).toBe(true);

      now += 60_000;
      const higher = await quiz.getResults(a.attemptId);
      expect(higher.score).toBe(4);
      const after = await buckets(4);
      expect(Number(after["1"] ?? 0) - Number(bucketsBefore["1"] ?? 0)).toBe(1);
      expect(Number(after["4"] ?? 0) - Number(bucketsBefore["4"] ?? 0)).toBe(1);
      const total = Object.values(after).reduce((sum, n) => sum + Number(n), 0);
      const below4 = Object.entries(after).reduce((sum, [s, n]) => sum + (Number(s) < 4 ? Number(n) : 0), 0);
      const above4 = Object.entries(after).reduce((sum, [s, n]) => sum + (Number(s) > 4 ? Number(n) : 0), 0);
      expect(higher.percentile).toEqual({ total, below: below4, above: above4, share: below4 / total });

      // Viewing again changes nothing.
      await quiz.getResults(a.attemptId);
      expect(await buckets(4)).toEqual(after);

      // Practice: only the missed questions, checked without a write.
      const practice = await quiz.retryMissed(b.attemptId);
      expect(practice.map((q) => q.id).sort()).toEqual(["fx-order", "fx-true-false", "fx-who-said"]);
      const statsBefore = await stats(trueFalseQ);
      const feedback = await quiz.checkPractice(b.attemptId, { questionId: "fx-true-false", answer: "false" });
      expect(feedback.correct).toBe(true);
      expect(await stats(trueFalseQ)).toEqual(statsBefore);
      expect((await quiz.getResults(b.attemptId)).score).toBe(1);
      await expectRefusal(quiz.checkPractice(b.attemptId, { questionId: "fx-single", answer: "singapore" }), "not_found", 404);
      expect(await quiz.retryMissed(a.attemptId)).toEqual([]);

      // A challenge: same questions, fresh shuffles, compared in the results.
      const challenge = await quiz.startAttempt({ length: 20 }, who, { challengeOf: a.attemptId });
      expect(challenge.questions.map((q) => q.id)).toEqual((await quiz.getAttempt(a.attemptId)).questions.map((q) => q.question.id));
      for (const q of HANDWRITTEN) await quiz.answerQuestion(challenge.attemptId, { questionId: q.id, answer: wrong[q.id] as string | string[] }, who);
      expect((await quiz.getResults(challenge.attemptId)).challenge).toMatchObject({ attemptId: a.attemptId, score: 4, total: 4, finished: true });
    });

    it("leaderboard: named once, ranked by score then earlier finish", async () => {
      const tag = unique("Player");
      const player = { client: unique("board") };
      const players: { id: string; score: number }[] = [];
      for (const score of [2, 4, 4]) {
        const started = await quiz.startAttempt({ length: 5 }, player);
        for (const q of HANDWRITTEN) {
          const correct = HANDWRITTEN.indexOf(q) < score;
          now += 30_000;
          await quiz.answerQuestion(started.attemptId, { questionId: q.id, answer: (correct ? right : wrong)[q.id] as string | string[] }, player);
        }
        now += 1_000;
        await quiz.getResults(started.attemptId);
        players.push({ id: started.attemptId, score });
      }
      const [low, early, late] = players;
      if (!low || !early || !late) throw new Error("players");

      await expectRefusal(quiz.submitNickname(low.id, "f u c k", player), "invalid_nickname", 422);
      const named = await Promise.all([
        quiz.submitNickname(late.id, `${tag.slice(0, 14)} C`, player),
        quiz.submitNickname(early.id, `${tag.slice(0, 14)} B`, player),
        quiz.submitNickname(low.id, `  ${tag.slice(0, 14)}\u200B A `, player),
      ]);
      expect(named[2].nickname).toBe(`${tag.slice(0, 14)} A`);
      await expectRefusal(quiz.submitNickname(low.id, "Another Name", player), "already_named", 409);

      const unfinished = await quiz.startAttempt({ length: 5 }, player);
      await expectRefusal(quiz.submitNickname(unfinished.attemptId, "Early Bird", player), "not_finished", 409);

      for (const board of ["day", "month"] as const) {
        const entries = await quiz.getLeaderboard(board, 100, { viewerAttemptId: early.id });
        const mine = entries.filter((e) => e.nickname.startsWith(tag.slice(0, 14)));
        expect(mine.map((e) => e.nickname.slice(-1))).toEqual(["B", "C", "A"]); // 4 (earlier), 4 (later), 2
        expect(mine.map((e) => e.score)).toEqual([4, 4, 2]);
        expect(mine[0]?.you).toBe(true);
        expect(mine.every((e) => e.length === 4)).toBe(true);
        expect(entries.map((e) => e.rank)).toEqual(entries.map((_, i) => i + 1));
        expect(JSON.stringify(entries)).not.toContain(early.id);
      }
      expect(named[1].rank.day).not.toBeNull();
      const dayKey = quizKeys.leaderboard("day", now);
      expect((await store.exec([op.zscore(dayKey, early.id)]))[0]).not.toBeNull();

      // A new month starts an empty board; last month's expires with its TTL instead of living on.
      const monthKey = quizKeys.leaderboard("month", now);
      const [monthTtl] = await store.exec([op.ttl(monthKey)]);
      expect(monthTtl).toBeGreaterThan(0);
      expect(monthTtl).toBeLessThanOrEqual(QUIZ_TTL.leaderboardMonth);
      const thisMonth = now;
      now = Date.UTC(2026, 5, 1, 0, 0, 1);
      const nextMonth = await quiz.getLeaderboard("month", 100);
      expect(nextMonth.some((e) => e.nickname.startsWith(tag.slice(0, 14)))).toBe(false);
      now = thisMonth;
    });

    it("sets a TTL on every key it writes", async () => {
      const keys = await store.keys("quiz:");
      expect(keys.length).toBeGreaterThan(10);
      const ttls = await store.exec(keys.map((key) => op.ttl(key)));
      const withoutTtl = keys.filter((_, i) => (ttls[i] ?? -1) < 0);
      expect(withoutTtl).toEqual([]);
      const max = Math.max(...ttls);
      expect(max).toBeLessThanOrEqual(QUESTION_STATS_TTL);
      const attemptKey = keys.find((key) => /^quiz:att:[^:]+$/.test(key));
      if (!attemptKey) throw new Error("no attempt key");
      const [attemptTtl] = await store.exec([op.ttl(attemptKey)]);
      expect(attemptTtl).toBeGreaterThan(QUIZ_TTL.attempt - 600);
      expect(attemptTtl).toBeLessThanOrEqual(QUIZ_TTL.attempt);
    });

    it("500 players answering the same question at once leave exact statistics", async () => {
      const question = makeQuestion(unique("concurrent"), "single", "easy", ["meetings"]);
      if (question.kind !== "single") throw new Error("fixture");
      const crowd = createQuizService({ store, bank: fixtureBank([question]) });
      // 500 players on 500 phones: each its own client, as far as rate limits go.
      const phone = (i: number) => ({ client: `${who.client}-${i}` });
      const attempts = await Promise.all(Array.from({ length: 500 }, (_, i) => crowd.startAttempt({ length: 5 }, phone(i))));
      const choices = question.options.map((o) => o.id);
      const picks = attempts.map((_, i) => choices[i % choices.length] as string);

      const results = await Promise.all(
        attempts.map((attempt, i) => crowd.answerQuestion(attempt.attemptId, { questionId: question.id, answer: picks[i] as string }, phone(i))),
      );
      expect(results.every((r) => !r.replay)).toBe(true);

      const expected: Record<string, string> = {
        total: "500",
        correct: String(picks.filter((p) => p === question.answer).length),
      };
      for (const choice of choices) expected[`choice:${choice}`] = String(picks.filter((p) => p === choice).length);
      expect(await stats(question)).toEqual(expected);

      // And all 500 double-submitted at once: still exact.
      await Promise.all(
        attempts.map((attempt, i) => crowd.answerQuestion(attempt.attemptId, { questionId: question.id, answer: picks[i] as string }, phone(i))),
      );
      expect(await stats(question)).toEqual(expected);
    });
  });
}

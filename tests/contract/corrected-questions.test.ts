import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBank } from "@/lib/questions/bank-validate";
import type { CorrectionNote } from "@/lib/questions/schemas";
import { createQuizService } from "@/lib/quiz";
import { createStore, type Store } from "@/lib/store";
import { fixtureBank, fixtureLookups, orderQ, singleQ, trueFalseQ, whoSaidQ } from "../unit/quiz-fixtures";

/**
 * A question corrected after an attempt answered it: the attempt keeps the
 * version it answered, and its results and its shared link say that the
 * question changed since, with a link to the entry in the updates log. One
 * adapter is enough: nothing here depends on how the store keeps the attempt.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "corrected-questions-"));
const HANDWRITTEN = [singleQ, trueFalseQ, orderQ, whoSaidQ];
const who = { client: "corrected-questions-test" };
const RIGHT: Record<string, string | string[]> = {
  "fx-single": "singapore",
  "fx-true-false": "false",
  "fx-order": ["singapore", "hanoi", "dmz"],
  "fx-who-said": "trump",
};

const correction: CorrectionNote = {
  date: "2026-12-05",
  dateText: "5 December 2026",
  type: "correction",
  version: 2,
  href: "/updates#2026-12-05-question-fx-single",
};
/** An older entry that did not change the version the attempt answered. */
const clarification: CorrectionNote = { ...correction, date: "2026-11-01", dateText: "1 November 2026", type: "clarification", version: 1 };

/** The same bank after the correction: fx-single at version 2, and the log's entries about it. */
function correctedBank() {
  const questions = HANDWRITTEN.map((q) => (q.id === singleQ.id ? { ...q, version: 2 } : q));
  return createBank(questions, {
    ...fixtureLookups,
    corrections: (id) => (id === singleQ.id ? [correction, clarification] : []),
  });
}

describe("results of an attempt that answered a question since corrected", () => {
  let store: Store;
  let attemptId: string;
  let length: number;
  let now = Date.UTC(2026, 10, 20, 12);

  beforeAll(async () => {
    store = await createStore({ kind: "embedded", dataDir }, { timeoutMs: 15_000 });
    const before = createQuizService({ store, bank: fixtureBank(HANDWRITTEN), now: () => now });
    const started = await before.startAttempt({ length: 5 }, who);
    attemptId = started.attemptId;
    for (const question of started.questions) {
      now += 20_000;
      await before.answerQuestion(attemptId, { questionId: question.id, answer: RIGHT[question.id] ?? "" }, who);
    }
    length = (await before.getResults(attemptId)).total;
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("says nothing while the questions are unchanged", async () => {
    const quiz = createQuizService({ store, bank: fixtureBank(HANDWRITTEN), now: () => now });
    const results = await quiz.getResults(attemptId);
    expect(results.review.map((item) => item.correctedSince)).toEqual(results.review.map(() => null));
  });

  it("marks the corrected question on the results, with the newest change after the answered version", async () => {
    const quiz = createQuizService({ store, bank: correctedBank(), now: () => now });
    const results = await quiz.getResults(attemptId);
    const corrected = results.review.filter((item) => item.correctedSince !== null);
    expect(corrected.map((item) => item.questionId)).toEqual([singleQ.id]);
    expect(corrected[0]?.correctedSince).toEqual(correction);
  });

  it("lists the corrected question on the shared result, by its position", async () => {
    const quiz = createQuizService({ store, bank: correctedBank(), now: () => now });
    const results = await quiz.getResults(attemptId);
    const index = results.review.find((item) => item.questionId === singleQ.id)?.index;
    const summary = await quiz.getResultSummary(attemptId, length);
    expect(summary.corrected).toEqual([{ index, note: correction }]);
  });

  it("says nothing to an attempt that answered the corrected version", async () => {
    const quiz = createQuizService({ store, bank: correctedBank(), now: () => now });
    const started = await quiz.startAttempt({ length: 5 }, who);
    for (const question of started.questions) {
      now += 20_000;
      await quiz.answerQuestion(started.attemptId, { questionId: question.id, answer: RIGHT[question.id] ?? "" }, who);
    }
    const results = await quiz.getResults(started.attemptId);
    expect(results.review.every((item) => item.correctedSince === null)).toBe(true);
    // The feedback still tells a new player about the change.
    const item = results.review.find((review) => review.questionId === singleQ.id);
    expect(item?.status === "current" && item.feedback.corrections).toEqual([correction, clarification]);
  });
});

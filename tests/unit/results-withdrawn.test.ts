import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChallengeComparison } from "@/components/share/challenge-comparison";
import { createBank } from "@/lib/questions/bank-validate";
import type { CorrectionNote, NormalizedAnswer, Question } from "@/lib/questions/schemas";
import { answerKey } from "@/lib/questions/scoring";
import { createQuizService } from "@/lib/quiz";
import type { ChallengeComparison as ChallengeComparisonView, ReviewItem } from "@/lib/quiz/views";
import { createShareService } from "@/lib/share";
import { createStore, type Store } from "@/lib/store";
import { fixtureBank, fixtureLookups, HANDWRITTEN, orderQ, singleQ, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

/**
 * Results of an attempt that used a question since withdrawn from the bank:
 * the review keeps one item per question of the attempt, and the withdrawn
 * one says so, with its mark as scored and no answer key.
 */

const who = { client: "results-withdrawn-test" };
const dataDir = mkdtempSync(path.join(tmpdir(), "results-withdrawn-"));
let store: Store;
let attemptId: string;
let shareId: string;

/** Played right on these, wrong on the rest: a score of 2 out of 4. */
const PLAYED_RIGHT = [singleQ.id, orderQ.id];

function wrongAnswer(question: Question): NormalizedAnswer {
  if (question.kind === "true-false") return question.answer ? "false" : "true";
  if (question.kind === "single" || question.kind === "who-said") return question.options.find((o) => o.id !== question.answer)?.id ?? "";
  throw new Error(`no wrong answer for ${question.kind} in this test`);
}

beforeAll(async () => {
  store = await createStore({ kind: "embedded", dataDir });
  const quiz = createQuizService({ store, bank: fixtureBank(HANDWRITTEN) });
  const started = await quiz.startAttempt({ length: 5 }, who);
  attemptId = started.attemptId;
  for (const { id } of started.questions) {
    const question = HANDWRITTEN.find((q) => q.id === id) as Question;
    const answer = PLAYED_RIGHT.includes(id) ? answerKey(question) : wrongAnswer(question);
    await quiz.answerQuestion(attemptId, { questionId: id, answer }, who);
  }
  shareId = (await quiz.getResults(attemptId)).shareId;
});
afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Results and the shared result as a later bank sees them. */
async function viewedWith(questions: Question[], corrections: (id: string) => CorrectionNote[] = () => []) {
  const bank = createBank(questions, { ...fixtureLookups, corrections });
  const results = await createQuizService({ store, bank }).getResults(attemptId);
  const shared = await createShareService({ store, bank }).getSharedResult(shareId);
  return { results, shared };
}

const itemFor = (review: ReviewItem[], id: string) => review.find((item) => item.questionId === id);

describe("results of an attempt whose question was since withdrawn", () => {
  it("keep one review item per question, the withdrawn one marked as it was scored, without its key", async () => {
    const { results, shared } = await viewedWith([singleQ, trueFalseQ, whoSaidQ]);
    expect(results.score).toBe(2);
    expect(results.review).toHaveLength(results.total);
    expect(results.review.map((item) => item.index)).toEqual([0, 1, 2, 3]);
    // Exactly these fields: no prompt, answer or key of a question the bank no longer has.
    expect(itemFor(results.review, orderQ.id)).toStrictEqual({
      status: "withdrawn",
      index: expect.any(Number),
      questionId: orderQ.id,
      scoredRight: true,
      correctedSince: null,
    });
    // The marks add up to the score, here and on the shared link.
    expect(results.marks.filter(Boolean)).toHaveLength(results.score);
    expect(shared.marks).toEqual(results.marks);
    expect(shared.withdrawn).toEqual([itemFor(results.review, orderQ.id)?.index]);
  });

  it("mark a withdrawn question wrong when it was scored wrong", async () => {
    const { results } = await viewedWith([singleQ, orderQ, whoSaidQ]);
    expect(results.review).toHaveLength(4);
    expect(itemFor(results.review, trueFalseQ.id)).toMatchObject({ status: "withdrawn", scoredRight: false });
  });

  it("leave the mark unknown when the score no longer tells which question it came from", async () => {
    // fx-single changed too: of it and the withdrawn fx-true-false, one was right, but which cannot be told.
    const { results } = await viewedWith([{ ...singleQ, version: 2 }, orderQ, whoSaidQ]);
    expect(itemFor(results.review, trueFalseQ.id)).toMatchObject({ status: "withdrawn", scoredRight: null });
    expect(itemFor(results.review, singleQ.id)).toMatchObject({ status: "current" });
  });

  it("link to the updates log when it has an entry for the withdrawn question", async () => {
    const entry: CorrectionNote = {
      date: "2026-12-06",
      dateText: "6 December 2026",
      type: "correction",
      version: 2,
      href: "/updates#2026-12-06-question-fx-order",
    };
    const { results } = await viewedWith([singleQ, trueFalseQ, whoSaidQ], (id) => (id === orderQ.id ? [entry] : []));
    expect(itemFor(results.review, orderQ.id)).toMatchObject({ status: "withdrawn", correctedSince: entry });
  });

  it("give the logged withdrawal, whatever version was played, once on the shared link", async () => {
    const withdrawal: CorrectionNote = {
      date: "2026-12-06",
      dateText: "6 December 2026",
      type: "withdrawal",
      version: orderQ.version,
      href: "/updates#2026-12-06-question-fx-order",
    };
    const { results, shared } = await viewedWith([singleQ, trueFalseQ, whoSaidQ], (id) => (id === orderQ.id ? [withdrawal] : []));
    const index = itemFor(results.review, orderQ.id)?.index;
    expect(itemFor(results.review, orderQ.id)).toMatchObject({ status: "withdrawn", correctedSince: withdrawal });
    expect(shared.corrected).toEqual([{ index, note: withdrawal }]);
    // Said once: among the logged changes, not again as an unlogged withdrawal.
    expect(shared.withdrawn).toEqual([]);
  });
});

describe("a challenge whose questions include one since withdrawn", () => {
  it("names the withdrawn row as such in the comparison, with both players' marks", async () => {
    const quiz = createQuizService({ store, bank: fixtureBank(HANDWRITTEN) });
    const replay = await quiz.startAttempt({ length: 5 }, who, { challengeOf: attemptId });
    for (const { id } of replay.questions) {
      await quiz.answerQuestion(replay.attemptId, { questionId: id, answer: answerKey(HANDWRITTEN.find((q) => q.id === id) as Question) }, who);
    }
    const later = createQuizService({ store, bank: createBank([singleQ, trueFalseQ, whoSaidQ], fixtureLookups) });
    const challenge = (await later.getResults(replay.attemptId)).challenge;
    const row = challenge?.questions.find((question) => question.questionId === orderQ.id);
    expect(row).toMatchObject({ prompt: null, you: true, them: true });
    const html = renderToStaticMarkup(createElement(ChallengeComparison, { comparison: challenge as ChallengeComparisonView }));
    expect(html).toContain(`${(row?.index ?? 0) + 1}. A withdrawn question`);
    expect(html).toContain(`${singleQ.prompt}`);
  });
});

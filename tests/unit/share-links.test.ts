import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQuizService, type QuizService } from "@/lib/quiz";
import { QuizError } from "@/lib/quiz/errors";
import { type NormalizedAnswer, type Question } from "@/lib/questions/schemas";
import { QUIZ_TTL } from "@/lib/quiz/keys";
import { answerKey } from "@/lib/questions/scoring";
import { farEstimate } from "../support/some-answer";
import { readResultLink, shareKeys } from "@/lib/quiz/result-links";
import { createShareService, type ShareService } from "@/lib/share";
import { createStore, op, type Store } from "@/lib/store";
import { fixtureBank, HANDWRITTEN, orderQ, singleQ, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

/**
 * Share links and challenges on a real (embedded) store with the fixture
 * bank: a finished result gets a public link in the same transaction, the
 * link shows marks but never the attempt or its answers, and "Beat my
 * score" replays exactly the challenger's questions.
 */

/** A wrong answer to any question: another option, the other boolean, the items reversed. */
function wrongAnswer(question: Question): NormalizedAnswer {
  switch (question.kind) {
    case "true-false":
      return question.answer ? "false" : "true";
    case "order":
      return question.items.map((item) => item.id).reverse();
    case "estimate":
      return farEstimate(question);
    default:
      return question.options.find((option) => option.id !== question.answer)?.id ?? "";
  }
}

const who = { client: "share-links-test" };

const dataDir = mkdtempSync(path.join(tmpdir(), "share-links-"));
let store: Store;
let quiz: QuizService;
let share: ShareService;

beforeAll(async () => {
  store = await createStore({ kind: "embedded", dataDir });
  const deps = { store, bank: fixtureBank(HANDWRITTEN) };
  quiz = createQuizService(deps);
  share = createShareService(deps);
});
afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Plays the four fixture questions, right where `rightIds` says, and opens the results. */
async function play(service: QuizService, attemptId: string, rightIds: readonly string[]) {
  const { questions } = await service.getAttempt(attemptId);
  for (const { question } of questions) {
    const full = HANDWRITTEN.find((q) => q.id === question.id) as Question;
    const answer = rightIds.includes(question.id) ? answerKey(full) : wrongAnswer(full);
    await service.answerQuestion(attemptId, { questionId: question.id, answer }, who);
  }
  return service.getResults(attemptId);
}

async function rejects(promise: Promise<unknown>, code: QuizError["code"]) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(QuizError);
  expect((error as QuizError).code).toBe(code);
}

describe("share links", () => {
  it("are created when a result is finished, kept, and show marks but never answers", async () => {
    const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
    const results = await play(quiz, attemptId, ["fx-single", "fx-order"]);
    expect(results.shareId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(results.shareId).not.toBe(attemptId);
    expect((await quiz.getResults(attemptId)).shareId).toBe(results.shareId);

    // Written with the attempt's TTL, like every key.
    const [ttl] = await store.exec([op.ttl(shareKeys.result(results.shareId))]);
    expect(ttl).toBeGreaterThan(QUIZ_TTL.attempt - 60);
    expect(ttl).toBeLessThanOrEqual(QUIZ_TTL.attempt);

    const shared = await share.getSharedResult(results.shareId);
    expect(shared).toMatchObject({ score: 2, total: 4, requested: 5, nickname: undefined });
    expect(shared.marks).toEqual(results.review.map((item) => ["fx-single", "fx-order"].includes(item.questionId)));
    expect(results.marks).toEqual(shared.marks);
    const serialized = JSON.stringify(shared);
    expect(serialized).not.toContain(attemptId);
    for (const question of HANDWRITTEN) expect(serialized).not.toContain(question.explanation);
    expect(serialized).not.toMatch(/Singapore|Hanoi|Donald Trump/);

    // A nickname shows once the player chooses one.
    await quiz.submitNickname(attemptId, "Share Tester", who);
    expect((await share.getSharedResult(results.shareId)).nickname).toBe("Share Tester");
  });

  it("that are unknown, malformed or expired are not found", async () => {
    await rejects(share.getSharedResult("AAAAAAAAAAAAAAAA"), "not_found");
    await rejects(share.getSharedResult("../../etc/passwd"), "not_found");
    await rejects(share.startChallenge({ length: 5, challenge: "AAAAAAAAAAAAAAAA" }, who), "not_found");
    expect(await readResultLink(store, "not a share id")).toBeNull();
  });
});

describe("challenges", () => {
  it("replay the challenger's questions and compare them question by question", async () => {
    const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
    const challenger = await play(quiz, attemptId, ["fx-single", "fx-true-false", "fx-who-said"]);

    const started = await share.startChallenge({ length: 20, challenge: challenger.shareId }, who);
    expect(started.requestedLength).toBe(5);
    expect(started.questions.map((q) => q.id)).toEqual(challenger.review.map((item) => item.questionId));

    const friend = await play(quiz, started.attemptId, ["fx-single", "fx-order"]);
    expect(friend.challenge?.questions.map(({ questionId, you, them }) => ({ questionId, you, them }))).toEqual(
      challenger.review.map((item) => ({
        questionId: item.questionId,
        you: ["fx-single", "fx-order"].includes(item.questionId),
        them: ["fx-single", "fx-true-false", "fx-who-said"].includes(item.questionId),
      })),
    );
    expect(friend.challenge).toMatchObject({ score: 3, total: 4, finished: true });
  });

  it("leave out a question updated since the challenger played it", async () => {
    const { attemptId } = await quiz.startAttempt({ length: 5 }, who);
    const challenger = await play(quiz, attemptId, ["fx-single"]);

    // The bank after an edit: the ordering question is a new version.
    const edited: Question = { ...orderQ, version: orderQ.version + 1 };
    const updated = { store, bank: fixtureBank([singleQ, trueFalseQ, edited, whoSaidQ]) };
    const updatedQuiz = createQuizService(updated);
    const updatedShare = createShareService(updated);

    const started = await updatedShare.startChallenge({ length: 5, challenge: challenger.shareId }, who);
    const expected = challenger.review.map((item) => item.questionId).filter((id) => id !== orderQ.id);
    expect(started.questions.map((q) => q.id)).toEqual(expected);
    const friend = await play(updatedQuiz, started.attemptId, expected);
    expect(friend.challenge?.questions.map((row) => row.questionId)).toEqual(expected);
  });
});

// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe } from "vitest";
import { POST as answer } from "@/app/api/quiz/attempts/[attemptId]/answers/route";
import { POST as nickname } from "@/app/api/quiz/attempts/[attemptId]/nickname/route";
import { POST as practice } from "@/app/api/quiz/attempts/[attemptId]/practice/route";
import { POST as start } from "@/app/api/quiz/attempts/route";
import { nicknameFormTextSchema } from "@/lib/nickname-schema";
import { answerSchema } from "@/lib/questions/requests";
import { startQuizSchema } from "@/lib/quiz/requests";
import type { Store } from "@/lib/store";
import { openAppStore } from "../support/app-store";
import { seedQuiz, type SeededQuiz } from "../support/app-seed";
import { someAnswer } from "../support/some-answer";
import type { Entries } from "../support/fuzz-requests";
import { idParam, junkValue, NO_PARAMS, paramsOf } from "../support/fuzz-values";
import { FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";
import { fuzzEach, writes } from "../support/fuzz-table";
import type { RouteHandler } from "../support/route-harness";

/**
 * The quiz's write routes under ≥ 1,000 malformed requests each, against
 * the app's real (embedded) store holding real attempts: one in progress,
 * one finished and named. See tests/support/fuzz-runner.ts for what each
 * request must satisfy.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
let store: Store;
let seeded: Awaited<ReturnType<typeof seedQuiz>>;

beforeAll(async () => {
  app = await openAppStore("fuzz-quiz");
  store = app.store;
  seeded = await seedQuiz();
});
afterAll(async () => app?.close());

/** An answer body near a real one: a real question id and a plausible answer, or a slightly wrong one. */
function answerBody(attempt: SeededQuiz): fc.Arbitrary<Entries> {
  return fc
    .record({
      question: fc.constantFrom(...attempt.questions),
      wrongId: fc.option(fc.string({ maxLength: 70 }), { nil: undefined }),
      answer: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 7 })),
    })
    .map(({ question, wrongId, answer }): Entries => [
      ["questionId", wrongId ?? question.id],
      ["answer", answer ?? someAnswer(question)],
    ]);
}

/** The ids of these attempts, or anything else. Called inside each test, once seeded. */
const attemptParam = (...attempts: SeededQuiz[]) => fc.oneof(...attempts.map((attempt) => paramsOf("attemptId", idParam(attempt.attemptId, 22))));

const ANSWER_FIELDS = ["questionId", "answer"];

/** A route that takes an answer to one of `attempt`'s questions. */
const answers = (handler: RouteHandler<{ attemptId: string }>, attempt: SeededQuiz) =>
  writes({ handler, schema: answerSchema, params: attemptParam(attempt), body: answerBody(attempt), required: ANSWER_FIELDS, known: ANSWER_FIELDS });

describe("quiz routes under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  fuzzEach(() => ({ store, secrets: [app.dataDir] }), {
    "POST /api/quiz/attempts": () =>
      writes({
        handler: start,
        schema: startQuizSchema,
        params: NO_PARAMS,
        body: fc.record({
          length: fc.constantFrom<unknown>(5, 10, 20, "5", 7, 0, -5, 1e9),
          topic: fc.option(fc.oneof(fc.constantFrom("summits", "nuclear", "people"), fc.string({ maxLength: 12 })), { nil: undefined }),
          challenge: fc.option(fc.oneof(fc.constant(seeded.shareId), junkValue), { nil: undefined }),
        }).map(({ length, topic, challenge }): Entries => [
          ["length", length],
          ...(topic === undefined ? [] : ([["topic", topic]] as Entries)),
          ...(challenge === undefined ? [] : ([["challenge", challenge]] as Entries)),
        ]),
        required: ["length"],
        known: ["length", "topic", "challenge"],
      }),
    "POST /api/quiz/attempts/[attemptId]/answers": () => answers(answer, seeded.playing),
    "POST /api/quiz/attempts/[attemptId]/practice": () => answers(practice, seeded.finished),
    "POST /api/quiz/attempts/[attemptId]/nickname": () =>
      writes({
        handler: nickname,
        schema: nicknameFormTextSchema,
        params: attemptParam(seeded.finished, seeded.playing),
        body: fc.oneof(fc.constantFrom("Brave Otter 12", "Seeded Heron"), fc.string({ maxLength: 30 })).map((name): Entries => [["nickname", name]]),
        required: ["nickname"],
        known: ["nickname"],
      }),
  });
});

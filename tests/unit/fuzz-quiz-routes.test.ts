// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { POST as answer } from "@/app/api/quiz/attempts/[attemptId]/answers/route";
import { POST as nickname } from "@/app/api/quiz/attempts/[attemptId]/nickname/route";
import { POST as practice } from "@/app/api/quiz/attempts/[attemptId]/practice/route";
import { POST as start } from "@/app/api/quiz/attempts/route";
import { nicknameFormSchema } from "@/lib/nickname";
import { answerSchema } from "@/lib/questions/requests";
import { startQuizSchema } from "@/lib/quiz/requests";
import type { Store } from "@/lib/store";
import { openAppStore } from "../support/app-store";
import { seedQuiz, someAnswer, type SeededQuiz } from "../support/app-seed";
import type { Entries, WriteRoute } from "../support/fuzz-requests";
import { idParam, junkValue } from "../support/fuzz-values";
import { fuzzWrites, FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";

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

type AttemptParams = { attemptId: string };

/** The route's URL and ids: the attempts' real ids, or anything else. Called inside each test, once seeded. */
const attemptRoute = (path: string, ...attempts: SeededQuiz[]): Pick<WriteRoute<AttemptParams>, "url" | "params"> => ({
  url: ({ attemptId }) => `/api/quiz/attempts/${encodeURIComponent(attemptId)}/${path}`,
  params: fc.oneof(
    ...attempts.map((attempt) => idParam(attempt.attemptId, 22).map((id) => ({ value: { attemptId: id.value }, valid: id.valid }))),
  ),
});

describe("quiz routes under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it("POST /api/quiz/attempts", async () => {
    await fuzzWrites(store, {
      page: "/api/quiz/attempts/route",
      handler: start,
      schema: startQuizSchema,
      htmlForForms: true,
      route: {
        url: () => "/api/quiz/attempts",
        params: fc.constant({ value: {}, valid: true }),
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
      },
    });
  });

  it("POST /api/quiz/attempts/[attemptId]/answers", async () => {
    await fuzzWrites(store, {
      page: "/api/quiz/attempts/[attemptId]/answers/route",
      handler: answer,
      schema: answerSchema,
      htmlForForms: true,
      route: {
        ...attemptRoute("answers", seeded.playing),
        body: answerBody(seeded.playing),
        required: ["questionId", "answer"],
        known: ["questionId", "answer"],
      },
    });
  });

  it("POST /api/quiz/attempts/[attemptId]/practice", async () => {
    await fuzzWrites(store, {
      page: "/api/quiz/attempts/[attemptId]/practice/route",
      handler: practice,
      schema: answerSchema,
      htmlForForms: true,
      route: {
        ...attemptRoute("practice", seeded.finished),
        body: answerBody(seeded.finished),
        required: ["questionId", "answer"],
        known: ["questionId", "answer"],
      },
    });
  });

  it("POST /api/quiz/attempts/[attemptId]/nickname", async () => {
    await fuzzWrites(store, {
      page: "/api/quiz/attempts/[attemptId]/nickname/route",
      handler: nickname,
      schema: nicknameFormSchema,
      htmlForForms: true,
      route: {
        ...attemptRoute("nickname", seeded.finished, seeded.playing),
        body: fc.oneof(fc.constantFrom("Brave Otter 12", "Seeded Heron"), fc.string({ maxLength: 30 })).map((name): Entries => [["nickname", name]]),
        required: ["nickname"],
        known: ["nickname"],
      },
    });
  });
});

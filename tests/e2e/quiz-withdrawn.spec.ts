import { expect, test } from "@playwright/test";
import { decodeRefs, encodeRefs } from "@/lib/questions/refs";
import { ATTEMPT_FIELDS as F, quizKeys } from "@/lib/quiz/keys";
import { openEmbeddedStore } from "@/lib/store/embedded";
import { op } from "@/lib/store/ops";
import type { Store } from "@/lib/store/types";
import { playOverHttp } from "./answer-support";
import { expectNoAxeViolations } from "./support";

/**
 * A result that used a question since withdrawn from the bank. The bank on
 * the server cannot change under a test, so the attempt is rewritten in the
 * server's embedded store instead (the data folder playwright.config.ts
 * gives it), as if its first question had been one the bank no longer has.
 */

const DATA_DIR = `.data/e2e-${Number(process.env.E2E_PORT ?? 3100)}`;
/** Gone from the bank (letters-book took its place), with its withdrawal in the updates log. */
const WITHDRAWN_ID = "rage-book";

/** Runs `work` on the server's store, opened alongside the server (WAL lets both in). */
async function withServerStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore({ dataDir: DATA_DIR });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const attemptHash = async (store: Store, attemptId: string) =>
  ((await store.exec([op.hgetall(quizKeys.attempt(attemptId))])) as [Record<string, string>])[0];

/** Puts the withdrawn question in place of the attempt's first, with the answer given to that one. */
async function withdrawFirstQuestion(attemptId: string): Promise<void> {
  await withServerStore(async (store) => {
    const hash = await attemptHash(store, attemptId);
    const [first, ...rest] = decodeRefs(hash[F.questions]) ?? [];
    if (!first) throw new Error("the attempt has no questions");
    const questions = encodeRefs([{ ...first, id: WITHDRAWN_ID }, ...rest]);
    const answer = hash[`${F.answerPrefix}${first.id}`] ?? "";
    await store.exec([op.hset(quizKeys.attempt(attemptId), { [F.questions]: questions, [`${F.answerPrefix}${WITHDRAWN_ID}`]: answer })]);
  });
}

test("a result that used a since-withdrawn question reviews every question, and says that one was withdrawn", async ({ page }) => {
  // Every answer right, so the withdrawn question's mark can be told from the score.
  const { attemptId } = await playOverHttp(page.request, { length: 5 }, () => false);
  await withdrawFirstQuestion(attemptId);

  await page.goto(`/quiz/results/${attemptId}`);
  await expect(page.locator(".score")).toHaveText("5/5");
  const review = page.locator("ol.review > li");
  await expect(review).toHaveCount(5);
  const withdrawn = review.first();
  await expect(withdrawn.getByRole("heading", { level: 3 })).toHaveText("1. A withdrawn question");
  await expect(withdrawn).toContainText(
    "This question was withdrawn from the quiz on 5 December 2026 after you answered it, so its text and answer are no longer shown.",
  );
  await expect(withdrawn).toContainText("It was counted right in your score.");
  await expect(withdrawn.getByText(/The answer:|The correct order:/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The shared link says so too, once.
  const shareId = await withServerStore(async (store) => (await attemptHash(store, attemptId))[F.shareId]);
  await page.goto(`/quiz/share/${shareId ?? ""}`);
  await expect(page.getByText("Question 1 was withdrawn on 5 December 2026 after this quiz was played.")).toBeVisible();
  await expect(page.getByText(/^Question 1 was withdrawn/)).toHaveCount(1);

  // The reason is in the log.
  await page.goto(`/quiz/results/${attemptId}`);
  await review.first().getByRole("link", { name: "Why it was withdrawn" }).click();
  await expect(page).toHaveURL(/\/updates#2026-12-05-question-rage-book$/);
  await expect(page.locator(`[id="2026-12-05-question-rage-book"]`)).toContainText("Only one of its four options was a book");
});

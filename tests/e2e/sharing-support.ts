import { expect, type APIRequestContext } from "@playwright/test";

/** Helpers for the sharing tests: a finished result, played over HTTP. */

export interface PlayedResult {
  attemptId: string;
  /** Question ids in the order they were asked. */
  questionIds: string[];
  /** Right or wrong, in that order, as the server scored them. */
  marks: boolean[];
  shareId: string;
}

/**
 * The answer a player who picks the first thing offered would post: the
 * first option, an ordering question's items in the order shown (never
 * the solved order), or the low end of an estimate's range, read from the
 * question page's form.
 */
function firstAnswer(html: string): string | string[] {
  const radio = /<input type="radio"[^>]* value="([^"]+)"/.exec(html)?.[1];
  if (radio) return radio;
  const lowest = /<input[^>]*type="number"[^>]*min="([^"]+)"/.exec(html)?.[1];
  if (lowest) return lowest;
  const firstSelect = /<select id="answer-0"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? "";
  return [...firstSelect.matchAll(/<option value="([^"]+)"/g)].map(([, value]) => value ?? "");
}

/**
 * Starts a quiz, answers every question with the first choice, opens the
 * results page (which finishes the attempt) and reads the result's share
 * id from it.
 */
export async function playByApi(request: APIRequestContext, length = 5): Promise<PlayedResult> {
  const start = await request.post("/api/quiz/attempts", { data: { length } });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const questionIds: string[] = [];
  const marks: boolean[] = [];
  for (;;) {
    const html = await (await request.get(`/quiz/play/${attemptId}`, { maxRedirects: 0 })).text();
    const questionId = /name="questionId" value="([^"]+)"/.exec(html)?.[1];
    if (!questionId) break;
    const answered = await request.post(`/api/quiz/attempts/${attemptId}/answers`, {
      data: { questionId, answer: firstAnswer(html) },
    });
    expect(answered.status(), await answered.text()).toBe(200);
    const { feedback } = (await answered.json()) as { feedback: { correct: boolean } };
    questionIds.push(questionId);
    marks.push(feedback.correct);
  }
  const results = await (await request.get(`/quiz/results/${attemptId}`)).text();
  const shareId = /\/quiz\/share\/([A-Za-z0-9_-]{16})/.exec(results)?.[1];
  if (!shareId) throw new Error("the results page has no share link");
  return { attemptId, questionIds, marks, shareId };
}

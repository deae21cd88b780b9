/** Where each step of a quiz lives, so pages, routes and tests build the same URLs. */
import type { QuizNotice } from "./notices";

export const playPath = (attemptId: string) => `/quiz/play/${attemptId}`;
/** A page of the quiz with a note on why the reader was taken there (lib/quiz/notices.ts). */
export const withNotice = (path: string, notice: QuizNotice) => `${path}?notice=${notice}`;
export const feedbackPath = (attemptId: string, questionId: string) =>
  `/quiz/play/${attemptId}?answered=${encodeURIComponent(questionId)}`;
export const resultsPath = (attemptId: string) => `/quiz/results/${attemptId}`;
export const practicePath = (attemptId: string) => `/quiz/results/${attemptId}/practice`;

export const api = {
  attempts: "/api/quiz/attempts",
  answers: (attemptId: string) => `/api/quiz/attempts/${attemptId}/answers`,
  practice: (attemptId: string) => `/api/quiz/attempts/${attemptId}/practice`,
  nickname: (attemptId: string) => `/api/quiz/attempts/${attemptId}/nickname`,
} as const;

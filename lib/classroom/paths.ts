/** Where each classroom page lives, so pages, routes and tests build the same URLs. */
export const classroomPath = "/classroom";
export const joinPath = (code?: string) => (code ? `/classroom/join?code=${encodeURIComponent(code)}` : "/classroom/join");
export const playPath = (sessionId: string) => `/classroom/play/${sessionId}`;
export const homeworkFeedbackPath = (sessionId: string, questionId: string) =>
  `/classroom/play/${sessionId}?answered=${encodeURIComponent(questionId)}`;
export const hostPath = (sessionId: string) => `/classroom/host/${sessionId}`;
export const dashboardPath = (sessionId: string) => `/classroom/host/${sessionId}/dashboard`;
export const followUpPath = (sessionId: string) => `/classroom/host/${sessionId}/follow-up`;
export const csvPath = (sessionId: string) => `/api/classroom/sessions/${sessionId}/export`;
/** The teacher's questions page; `filter` keeps the bank's topic and difficulty picked there. */
export const questionsPath = (sessionId: string, filter: { topic?: string; difficulty?: string } = {}) => {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return `/classroom/host/${sessionId}/questions${query ? `?${query}` : ""}`;
};
/** The read-only preview a teacher can send to a colleague. */
export const previewPath = (sessionId: string, key: string) => `/classroom/preview/${sessionId}?key=${encodeURIComponent(key)}`;
/** The private host link: opening it on another device hands that device the teacher's cookie. */
export const hostLinkPath = (sessionId: string, credential: string) =>
  `/classroom/host/${sessionId}/claim?key=${encodeURIComponent(credential)}`;

export const api = {
  sessions: "/api/classroom/sessions",
  players: (sessionId: string) => `/api/classroom/sessions/${sessionId}/players`,
  state: (sessionId: string) => `/api/classroom/sessions/${sessionId}/state`,
  live: (sessionId: string) => `/api/classroom/sessions/${sessionId}/live`,
  answers: (sessionId: string) => `/api/classroom/sessions/${sessionId}/answers`,
  hostState: (sessionId: string) => `/api/classroom/sessions/${sessionId}/host/state`,
  hostActions: (sessionId: string) => `/api/classroom/sessions/${sessionId}/host/actions`,
  hostQuestions: (sessionId: string) => `/api/classroom/sessions/${sessionId}/host/questions`,
} as const;

/** Where each classroom page lives, so pages, routes and tests build the same URLs. */
export const classroomPath = "/classroom";
export const joinPath = (code?: string) => (code ? `/classroom/join?code=${encodeURIComponent(code)}` : "/classroom/join");
export const playPath = (roomId: string) => `/classroom/play/${roomId}`;
export const homeworkFeedbackPath = (roomId: string, questionId: string) =>
  `/classroom/play/${roomId}?answered=${encodeURIComponent(questionId)}`;
export const hostPath = (roomId: string) => `/classroom/host/${roomId}`;
export const dashboardPath = (roomId: string) => `/classroom/host/${roomId}/dashboard`;
export const followUpPath = (roomId: string) => `/classroom/host/${roomId}/follow-up`;
export const csvPath = (roomId: string) => `/api/classroom/rooms/${roomId}/export`;
/** The private host link: opening it on another device hands that device the teacher's cookie. */
export const hostLinkPath = (roomId: string, credential: string) =>
  `/classroom/host/${roomId}/claim?key=${encodeURIComponent(credential)}`;

export const api = {
  rooms: "/api/classroom/rooms",
  players: (roomId: string) => `/api/classroom/rooms/${roomId}/players`,
  state: (roomId: string) => `/api/classroom/rooms/${roomId}/state`,
  answers: (roomId: string) => `/api/classroom/rooms/${roomId}/answers`,
  hostState: (roomId: string) => `/api/classroom/rooms/${roomId}/host/state`,
  hostActions: (roomId: string) => `/api/classroom/rooms/${roomId}/host/actions`,
} as const;

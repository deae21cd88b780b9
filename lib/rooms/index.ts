import "server-only";
import { getBank } from "@/lib/quiz/bank";
import { getStore } from "@/lib/store";
import { readHostRoom } from "./access";
import { recordAnswer } from "./answer";
import { roomContext, type RoomDeps } from "./context";
import { createRoom } from "./create";
import { getDashboard } from "./dashboard";
import { getHostView, hostAction } from "./host";
import { getJoinInfo, joinRoom, lookupCode, type JoinInput } from "./join";
import { ttlSeconds } from "./keys";
import type { CreateRoomInput, HostActionInput } from "./schemas";
import { answerResponse, getPlayView, pollStudent } from "./student";
import type { AnswerInput } from "@/lib/quiz/schemas";

/**
 * Classroom sessions: the API for route handlers and server components.
 * Client components import `@/lib/rooms/schemas` (shapes and form schemas).
 */

export { RoomError, type RoomErrorCode } from "./errors";
export type { CreatedRoom } from "./create";
export type { Dashboard, DashboardQuestion, DashboardStudent } from "./dashboard";
export { mostMissed } from "./dashboard";
export { csvFileName, dashboardCsv } from "./csv";
export { joinRoomSchema, type JoinInfo, type Joined, type JoinInput } from "./join";
export type { RecordedAnswer } from "./answer";

/** The operations bound to a store and bank (tests pass their own; the app uses the defaults below). */
export function createRoomService(deps: RoomDeps) {
  const ctx = roomContext(deps);
  return {
    createRoom: (input: CreateRoomInput, client: string) => createRoom(ctx, input, client),
    lookupCode: (code: string, client: string) => lookupCode(ctx, code, client),
    getJoinInfo: (roomId: string, token: string | undefined) => getJoinInfo(ctx, roomId, token),
    joinRoom: (roomId: string, input: JoinInput) => joinRoom(ctx, roomId, input),
    pollStudent: (roomId: string, token: string | undefined, sinceVersion: number) => pollStudent(ctx, roomId, token, sinceVersion),
    getPlayView: (roomId: string, token: string | undefined, showQuestionId?: string) => getPlayView(ctx, roomId, token, showQuestionId),
    /** Records the answer and says what the student sees next. */
    answer: async (roomId: string, token: string | undefined, input: AnswerInput, client: string) =>
      answerResponse(ctx, await recordAnswer(ctx, roomId, token, input, client)),
    getHostView: (roomId: string, credential: string | undefined) => getHostView(ctx, roomId, credential),
    hostAction: (roomId: string, credential: string | undefined, input: Pick<HostActionInput, "action" | "version" | "playerId">) =>
      hostAction(ctx, roomId, credential, input),
    /** Checks a host link's credential; the cookie it becomes lives as long as the session. */
    claimHost: async (roomId: string, credential: string | undefined) => {
      const room = await readHostRoom(ctx, roomId, credential);
      return { ttlSeconds: ttlSeconds(room.expiresAt, ctx.now()) };
    },
    getDashboard: (roomId: string, credential: string | undefined) => getDashboard(ctx, roomId, credential),
  };
}

export type RoomService = ReturnType<typeof createRoomService>;

/** The service on the app's store and bank. */
export async function rooms(): Promise<RoomService> {
  return createRoomService({ store: await getStore(), bank: getBank() });
}

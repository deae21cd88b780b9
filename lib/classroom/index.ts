import "server-only";
import type { Requester } from "@/lib/http/requester";
import type { AnswerInput } from "@/lib/questions/requests";
import { appDeps, serviceContext, type ServiceDeps } from "@/lib/service";
import { SHARE_RATE_LIMITS } from "@/lib/share/limits";
import { readHostSession } from "./access";
import { recordAnswer } from "./answer";
import { editQuestions, getPreview, getQuestionChoices } from "./choose";
import { createSession } from "./create";
import { getDashboard, type StudentSelection } from "./dashboard";
import { getHostView, hostAction } from "./host";
import { getJoinInfo, joinSession, lookupCode, type JoinInput } from "./join";
import { ttlSeconds } from "./keys";
import type { CreateSessionInput, HostActionInput, QuestionEditInput, QuestionFilter } from "./requests";
import { answerResponse, getLive, getPlayView, pollStudent } from "./student";

/**
 * The classroom: its service for route handlers and server components.
 * Client components import `./requests` (form schemas), `./views` and
 * `./paths` instead: this file is server-only because the bank holds the
 * answer key.
 */

/** The classroom operations bound to `deps` (see lib/service.ts). */
export function createClassroomService(deps: ServiceDeps) {
  const ctx = serviceContext(deps);
  return {
    createSession: (input: CreateSessionInput, requester: Requester) => createSession(ctx, input, requester),
    lookupCode: (code: string, requester: Requester) => lookupCode(ctx, code, requester),
    /**
     * A code for its invite image: looked up as a join looks it up (a miss
     * counts as a wrong code), and counted as a share image (the result
     * image's limit), in the one round trip.
     */
    lookupInviteCode: (code: string, requester: Requester) =>
      lookupCode(ctx, code, requester, [{ rule: SHARE_RATE_LIMITS.imagesPerClient, subject: requester.client }]),
    getJoinInfo: (sessionId: string, token: string | undefined) => getJoinInfo(ctx, sessionId, token),
    joinSession: (sessionId: string, input: JoinInput, requester: Requester) => joinSession(ctx, sessionId, input, requester),
    pollStudent: (sessionId: string, token: string | undefined, sinceVersion: number) => pollStudent(ctx, sessionId, token, sinceVersion),
    getLive: (sessionId: string) => getLive(ctx, sessionId),
    getPlayView: (sessionId: string, token: string | undefined, showQuestionId?: string) => getPlayView(ctx, sessionId, token, showQuestionId),
    /** Records the answer and says what the student sees next. */
    answer: async (sessionId: string, token: string | undefined, input: AnswerInput, requester: Requester) =>
      answerResponse(ctx, await recordAnswer(ctx, sessionId, token, input, requester)),
    getHostView: (sessionId: string, credential: string | undefined) => getHostView(ctx, sessionId, credential),
    hostAction: (sessionId: string, credential: string | undefined, input: Pick<HostActionInput, "action" | "version" | "playerId" | "seenAt"> & Partial<Pick<HostActionInput, "extraTime" | "fewerOptions">>) =>
      hostAction(ctx, sessionId, credential, input),
    /** Checks a host link's credential; the cookie it becomes lives as long as the session. */
    claimHost: async (sessionId: string, credential: string | undefined) => {
      const session = await readHostSession(ctx, sessionId, credential);
      return { ttlSeconds: ttlSeconds(session.expiresAt, ctx.now()) };
    },
    getDashboard: (sessionId: string, credential: string | undefined, students?: StudentSelection) => getDashboard(ctx, sessionId, credential, students),
    getQuestionChoices: (sessionId: string, credential: string | undefined, filter: QuestionFilter) => getQuestionChoices(ctx, sessionId, credential, filter),
    editQuestions: (sessionId: string, credential: string | undefined, input: QuestionEditInput) => editQuestions(ctx, sessionId, credential, input),
    getPreview: (sessionId: string, key: string | undefined) => getPreview(ctx, sessionId, key),
  };
}

export type ClassroomService = ReturnType<typeof createClassroomService>;

/** The classroom on the app's store and bank. */
export async function classroomService(): Promise<ClassroomService> {
  return createClassroomService(await appDeps());
}

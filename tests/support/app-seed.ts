import { vi } from "vitest";
import { POST as answerQuiz } from "@/app/api/quiz/attempts/[attemptId]/answers/route";
import { POST as nameResult } from "@/app/api/quiz/attempts/[attemptId]/nickname/route";
import { POST as practise } from "@/app/api/quiz/attempts/[attemptId]/practice/route";
import { POST as startQuiz } from "@/app/api/quiz/attempts/route";
import { POST as answerSession } from "@/app/api/classroom/sessions/[sessionId]/answers/route";
import { POST as hostAction } from "@/app/api/classroom/sessions/[sessionId]/host/actions/route";
import { GET as hostState } from "@/app/api/classroom/sessions/[sessionId]/host/state/route";
import { POST as joinSession } from "@/app/api/classroom/sessions/[sessionId]/players/route";
import { POST as createSession } from "@/app/api/classroom/sessions/route";
import { type PublicQuestion } from "@/lib/questions/schemas";
import { quizService } from "@/lib/quiz";
import type { HostView } from "@/lib/classroom/views";
import { hostCookieName, playerCookieName } from "@/lib/classroom/cookies";
import { callRoute, type RouteHandler } from "./route-harness";
import { someAnswer } from "./some-answer";

/**
 * Real data for the route fuzz tests and the TTL scan, made through the
 * route handlers as a browser would: quizzes started, answered, finished and
 * named; a classroom session created, joined, started and answered.
 */

const ORIGIN = "http://localhost:3000";

export interface SeedOptions {
  /** The client address every request comes from (X-Forwarded-For). */
  clientIp?: string;
}

async function send<P>(
  handler: RouteHandler<P>,
  path: string,
  params: P,
  init: { body?: unknown; cookie?: string; ip: string; refusalOk?: boolean },
): Promise<Response> {
  const headers = new Headers({ origin: ORIGIN, host: new URL(ORIGIN).host, "sec-fetch-site": "same-origin", "x-forwarded-for": init.ip });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(new URL(path, ORIGIN), {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await callRoute(path, handler, request, params);
  if (response.status >= 400 && !init.refusalOk) throw new Error(`seeding: ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** The value a response sets for cookie `name`. */
function cookieValue(response: Response, name: string): string {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  if (!header) throw new Error(`seeding: no ${name} cookie`);
  return header.slice(name.length + 1).split(";")[0] ?? "";
}

export interface SeededQuiz {
  attemptId: string;
  questions: PublicQuestion[];
}

export async function seedQuiz(options: SeedOptions = {}) {
  const ip = options.clientIp ?? "198.51.100.1";
  async function start(): Promise<SeededQuiz> {
    const response = await send(startQuiz, "/api/quiz/attempts", {}, { body: { length: 5 }, ip });
    const { attemptId } = (await response.json()) as { attemptId: string };
    return { attemptId, questions: (await (await quizService()).getAttempt(attemptId)).questions.map((view) => view.question) };
  }
  async function answer({ attemptId }: SeededQuiz, question: PublicQuestion) {
    await send(answerQuiz, `/api/quiz/attempts/${attemptId}/answers`, { attemptId }, {
      body: { questionId: question.id, answer: someAnswer(question) },
      ip,
    });
  }

  const playing = await start();
  for (const question of playing.questions.slice(0, 2)) await answer(playing, question);
  // Played at a person's pace (a minute a question), or the result would be too fast for the leaderboards:
  // started in the past, so that no key outlives its promise measured from the real clock.
  const realNow = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(realNow - 6 * 60_000);
  const finished = await start();
  for (const [index, question] of finished.questions.entries()) {
    vi.setSystemTime(realNow - (5 - index) * 60_000);
    await answer(finished, question);
  }
  vi.useRealTimers();
  const { shareId } = await (await quizService()).getResults(finished.attemptId);
  await send(nameResult, `/api/quiz/attempts/${finished.attemptId}/nickname`, { attemptId: finished.attemptId }, {
    body: { nickname: "Seeded Heron" },
    ip,
  });
  return {
    playing,
    finished,
    shareId,
    /** Practice on every question of the finished attempt (those it got right are refused: not in the round). */
    async practise() {
      for (const question of finished.questions) {
        await send(practise, `/api/quiz/attempts/${finished.attemptId}/practice`, { attemptId: finished.attemptId }, {
          body: { questionId: question.id, answer: someAnswer(question) },
          ip,
          refusalOk: true,
        });
      }
    },
    /** "Beat my score": a new attempt on the shared result's questions. */
    async challenge() {
      await send(startQuiz, "/api/quiz/attempts", {}, { body: { length: 5, challenge: shareId }, ip });
    },
  };
}

export interface SeededSession {
  sessionId: string;
  code: string;
  hostCredential: string;
  playerTokens: string[];
  /** The question open on the phones (live, after "start"), or null. */
  question: PublicQuestion | null;
}

export async function seedSession(options: SeedOptions & { mode?: "live" | "homework"; players?: number } = {}): Promise<SeededSession> {
  const ip = options.clientIp ?? "198.51.100.2";
  const created = await send(createSession, "/api/classroom/sessions", {}, { body: { mode: options.mode ?? "live", length: 5 }, ip });
  const { sessionId, code } = (await created.json()) as { sessionId: string; code: string };
  const hostCredential = cookieValue(created, hostCookieName(sessionId));
  const hostCookie = `${hostCookieName(sessionId)}=${hostCredential}`;
  const playerTokens: string[] = [];
  for (let i = 0; i < (options.players ?? 3); i += 1) {
    const joined = await joinAs(sessionId, `Seeded ${i + 1}`, ip);
    playerTokens.push(cookieValue(joined, playerCookieName(sessionId)));
  }
  const view = async () =>
    (await (await send(hostState, `/api/classroom/sessions/${sessionId}/host/state`, { sessionId }, { cookie: hostCookie, ip })).json()) as HostView;
  const act = async (action: string) =>
    send(hostAction, `/api/classroom/sessions/${sessionId}/host/actions`, { sessionId }, {
      body: { action, version: (await view()).version },
      cookie: hostCookie,
      ip,
    });
  if ((options.mode ?? "live") === "live") await act("start");
  const question = (await view()).question;
  if (question) {
    await send(answerSession, `/api/classroom/sessions/${sessionId}/answers`, { sessionId }, {
      body: { questionId: question.id, answer: someAnswer(question) },
      cookie: `${playerCookieName(sessionId)}=${playerTokens[0]}`,
      ip,
    });
  }
  return { sessionId, code, hostCredential, playerTokens, question };
}

/** A student joining through the route, as a phone with no cookie yet would. */
export function joinAs(sessionId: string, nickname: string, ip = "198.51.100.2"): Promise<Response> {
  return send(joinSession, `/api/classroom/sessions/${sessionId}/players`, { sessionId }, { body: { nickname }, ip });
}

/** A host action through the route, for tests that drive a session further (reveal, end). */
export async function actAsHost(session: SeededSession, action: string, ip = "198.51.100.2"): Promise<HostView> {
  const hostCookie = `${hostCookieName(session.sessionId)}=${session.hostCredential}`;
  const state = (await (
    await send(hostState, `/api/classroom/sessions/${session.sessionId}/host/state`, { sessionId: session.sessionId }, { cookie: hostCookie, ip })
  ).json()) as HostView;
  const response = await send(hostAction, `/api/classroom/sessions/${session.sessionId}/host/actions`, { sessionId: session.sessionId }, {
    body: { action, version: state.version },
    cookie: hostCookie,
    ip,
  });
  return (await response.json()) as HostView;
}

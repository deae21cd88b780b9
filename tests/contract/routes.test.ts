import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as answerClassroom } from "@/app/api/classroom/sessions/[sessionId]/answers/route";
import { GET as exportCsv } from "@/app/api/classroom/sessions/[sessionId]/export/route";
import { POST as hostActions } from "@/app/api/classroom/sessions/[sessionId]/host/actions/route";
import { GET as hostState } from "@/app/api/classroom/sessions/[sessionId]/host/state/route";
import { POST as join } from "@/app/api/classroom/sessions/[sessionId]/players/route";
import { GET as studentState } from "@/app/api/classroom/sessions/[sessionId]/state/route";
import { POST as answerQuiz } from "@/app/api/quiz/attempts/[attemptId]/answers/route";
import { POST as nickname } from "@/app/api/quiz/attempts/[attemptId]/nickname/route";
import { POST as practice } from "@/app/api/quiz/attempts/[attemptId]/practice/route";
import { POST as startQuiz } from "@/app/api/quiz/attempts/route";
import { GET as claimHost } from "@/app/classroom/host/[sessionId]/claim/route";
import { GET as resultImage } from "@/app/og/result/[shareId]/route";
import { getBank } from "@/lib/questions/bank";
import { QUIZ_RATE_LIMITS } from "@/lib/quiz/limits";
import { answerKey } from "@/lib/questions/scoring";
import { farEstimate } from "../support/some-answer";
import type { Question } from "@/lib/questions/schemas";
import { rateLimitWindow, type RateLimitRule } from "@/lib/rate-limit";
import { classroomService } from "@/lib/classroom";
import { hostCookieName, playerCookieName } from "@/lib/classroom/cookies";
import { SHARE_RATE_LIMITS } from "@/lib/share/limits";
import { closeStore, getStore, op } from "@/lib/store";

/**
 * The route handlers themselves, called as plain functions on the embedded
 * store: each checks its own credential (not only a proxy in front of it),
 * and refusals, rate limits and retries reach the client with the right
 * status, headers and the one error shape.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "routes-"));
// Read by lib/env.ts on the first getStore(), which comes after this.
process.env.DATA_DIR = dataDir;
delete process.env.REDIS_URL;
delete process.env.KV_REST_API_URL;

afterAll(async () => {
  await closeStore();
  rmSync(dataDir, { recursive: true, force: true });
});

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

interface Call {
  method?: "GET" | "POST";
  json?: unknown;
  form?: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
}

/** A request as a phone on `ip` would send it (same-origin, so only the handler's own checks apply). */
function send<P>(handler: Handler<P>, url: string, params: P, call: Call = {}, ip = "198.51.100.1"): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": ip, ...call.headers });
  if (call.cookie) headers.set("cookie", call.cookie);
  let body: string | undefined;
  if (call.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(call.json);
  } else if (call.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(call.form).toString();
  }
  const method = call.method ?? (body === undefined ? "GET" : "POST");
  return handler(new Request(`http://localhost${url}`, { method, headers, body }), { params: Promise.resolve(params) });
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(20);
}

/** The value a response's Set-Cookie gives `name`. */
const cookieValue = (response: Response, name: string) => new RegExp(`${name}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1];

/** Another valid answer to the question: another option, the other truth value, the order reversed. */
function otherAnswer(question: Question): string | string[] {
  const key = answerKey(question);
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  if (question.kind === "estimate") return farEstimate(question);
  return (question.kind === "single" || question.kind === "who-said" ? question.options : []).find((o) => o.id !== key)?.id ?? "";
}

const LIVE = { mode: "live", length: 5, topic: undefined, timer: 0, scoring: "accuracy", dueInHours: 24 } as const;

describe("every classroom handler checks its own credential", () => {
  let sessionId = "";
  let credential = "";
  let host = "";
  let player = "";
  const wrongHost = `${"x".repeat(43)}`;

  beforeAll(async () => {
    const created = await (await classroomService()).createSession(LIVE, { client: "routes-test-teacher" });
    sessionId = created.sessionId;
    credential = created.hostCredential;
    host = `${hostCookieName(sessionId)}=${credential}`;
    const joined = await send(join, `/api/classroom/sessions/${sessionId}/players`, { sessionId }, { json: { nickname: "Route Tester" } });
    expect(joined.status).toBe(201);
    player = `${playerCookieName(sessionId)}=${cookieValue(joined, playerCookieName(sessionId)) ?? ""}`;
  });

  const asHost = [
    ["the projector's poll", () => send(hostState, "/host/state", { sessionId }, {})],
    ["a teacher's action", () => send(hostActions, "/host/actions", { sessionId }, { json: { action: "start", version: 0 } })],
    ["the CSV export", () => send(exportCsv, "/export", { sessionId }, {})],
  ] as const;

  for (const [what, request] of asHost) {
    it(`${what}: 403 without the host cookie`, async () => {
      await expectError(await request(), 403, "not_host");
    });
  }

  it("host handlers refuse a wrong host cookie and accept the right one", async () => {
    const wrong = `${hostCookieName(sessionId)}=${wrongHost}`;
    await expectError(await send(hostState, "/host/state", { sessionId }, { cookie: wrong }), 403, "not_host");
    await expectError(await send(hostActions, "/host/actions", { sessionId }, { cookie: wrong, json: { action: "start", version: 0 } }), 403, "not_host");
    await expectError(await send(exportCsv, "/export", { sessionId }, { cookie: wrong }), 403, "not_host");
    // A player's cookie is not a host's.
    await expectError(await send(hostState, "/host/state", { sessionId }, { cookie: player }), 403, "not_host");
    expect((await send(hostState, "/host/state", { sessionId }, { cookie: host })).status).toBe(200);
  });

  it("student handlers: 403 without the player cookie, and with a wrong one", async () => {
    const wrong = `${playerCookieName(sessionId)}=${randomBytes(16).toString("base64url")}`;
    for (const cookie of [undefined, wrong, host]) {
      await expectError(await send(studentState, "/state?v=-1", { sessionId }, { cookie }), 403, "not_joined");
      await expectError(await send(answerClassroom, "/answers", { sessionId }, { cookie, json: { questionId: "x", answer: "y" } }), 403, "not_joined");
    }
    expect((await send(studentState, "/state?v=-1", { sessionId }, { cookie: player })).status).toBe(200);
  });

  it("a removed student is refused by the answer, poll and join handlers", async () => {
    const joined = await send(join, "/players", { sessionId }, { json: { nickname: "Leaving Soon" } }, "198.51.100.2");
    const cookie = `${playerCookieName(sessionId)}=${cookieValue(joined, playerCookieName(sessionId)) ?? ""}`;
    const view = await (await classroomService()).getHostView(sessionId, credential);
    const playerId = view.players.find((entry) => entry.nickname === "Leaving Soon")?.id;
    await (await classroomService()).hostAction(sessionId, credential, { action: "remove", playerId, version: view.version });
    await expectError(await send(studentState, "/state?v=-1", { sessionId }, { cookie }), 403, "removed");
    await expectError(await send(answerClassroom, "/answers", { sessionId }, { cookie, json: { questionId: "x", answer: "y" } }), 403, "removed");
    await expectError(await send(join, "/players", { sessionId }, { cookie, json: {} }), 403, "removed");
  });

  it("the host link hands out the cookie only for the right key", async () => {
    const wrong = await send(claimHost, `/classroom/host/${sessionId}/claim?key=${wrongHost}`, { sessionId });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const right = await send(claimHost, `/classroom/host/${sessionId}/claim?key=${credential}`, { sessionId });
    expect(right.headers.get("set-cookie")).toContain(hostCookieName(sessionId));
  });
});

describe("quiz handlers: the attempt id is the credential", () => {
  const unknown = randomBytes(16).toString("base64url");

  it("answer, nickname and practice handlers answer 404 for an attempt that is not ours", async () => {
    await expectError(await send(answerQuiz, "/answers", { attemptId: unknown }, { json: { questionId: "q", answer: "a" } }), 404, "not_found");
    await expectError(await send(nickname, "/nickname", { attemptId: unknown }, { json: { nickname: "Nobody" } }), 404, "not_found");
    await expectError(await send(practice, "/practice", { attemptId: unknown }, { json: { questionId: "q", answer: "a" } }), 404, "not_found");
  });
});

describe("limits and retries through the handlers", () => {
  async function started(ip: string) {
    const response = await send(startQuiz, "/api/quiz/attempts", {}, { json: { length: 5 } }, ip);
    expect(response.status).toBe(201);
    const { attemptId } = (await response.json()) as { attemptId: string };
    const [hash] = await (await getStore()).exec([op.hgetall(`quiz:att:${attemptId}`)]);
    const first = (JSON.parse(hash.questions ?? "[]") as { id: string }[])[0]?.id ?? "";
    const question = getBank().get(first);
    if (!question) throw new Error("no first question");
    return { attemptId, question, answer: answerKey(question) };
  }

  /** Fills a rule's current window for a client, so its next request is over the limit. */
  async function exhaust(rule: RateLimitRule, ip: string): Promise<void> {
    const window = rateLimitWindow(rule, ip, Date.now());
    await (await getStore()).exec([op.set(window.current, String(rule.limit), { ttlSeconds: rule.windowSeconds * 2 })]);
  }

  it("over a network's answer limit: 429 with Retry-After and the error shape", async () => {
    const ip = "203.0.113.10";
    const { attemptId, question, answer } = await started(ip);
    await exhaust(QUIZ_RATE_LIMITS.answersPerClient, ip);
    const response = await send(answerQuiz, "/answers", { attemptId }, { json: { questionId: question.id, answer } }, ip);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectError(response, 429, "rate_limited");
  });

  it("over a network's share-image limit: 429 with Retry-After, before any drawing", async () => {
    const ip = "203.0.113.11";
    await exhaust(SHARE_RATE_LIMITS.imagesPerClient, ip);
    const response = await send(resultImage, "/og/result/AAAAAAAAAAAAAAAA", { shareId: "AAAAAAAAAAAAAAAA" }, {}, ip);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectError(response, 429, "rate_limited");
  });

  it("a retried answer gets the same status and body; another answer with the key gets 422", async () => {
    const { attemptId, question, answer } = await started("203.0.113.240");
    const key = randomUUID();
    const post = (value: unknown) =>
      send(answerQuiz, "/answers", { attemptId }, { json: { questionId: question.id, answer: value }, headers: { "Idempotency-Key": key } });
    const first = await post(answer);
    const retry = await post(answer);
    expect(retry.status).toBe(first.status);
    expect(await retry.text()).toBe(await first.text());
    await expectError(await post(otherAnswer(question)), 422, "idempotency_key_reused");
  });

  it("a form posted twice with its hidden key goes to the same feedback page", async () => {
    const { attemptId, question, answer } = await started("203.0.113.241");
    // As the browser posts it: react-hook-form's indexed names for an ordering, the hidden key.
    const answers = Array.isArray(answer) ? Object.fromEntries(answer.map((id, i) => [`answer.${i}`, id])) : { answer };
    const form = { questionId: question.id, idempotencyKey: randomUUID(), ...answers };
    const first = await send(answerQuiz, "/answers", { attemptId }, { form });
    const again = await send(answerQuiz, "/answers", { attemptId }, { form });
    expect(first.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
  });

  it("a retried join gets the same status, body and player cookie", async () => {
    const { sessionId } = await (await classroomService()).createSession(LIVE, { client: "routes-test-teacher-2" });
    const headers = { "Idempotency-Key": randomUUID() };
    const first = await send(join, "/players", { sessionId }, { json: { nickname: "Retry Rita" }, headers });
    const retry = await send(join, "/players", { sessionId }, { json: { nickname: "Retry Rita" }, headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(await retry.text()).toBe(await first.text());
    expect(cookieValue(retry, playerCookieName(sessionId))).toBe(cookieValue(first, playerCookieName(sessionId)));
    await expectError(await send(join, "/players", { sessionId }, { json: { nickname: "Someone Else" }, headers }), 422, "idempotency_key_reused");
  });

  it("a live answer a phone kept offline, sent again with its key, is counted once and gets the same view", async () => {
    const service = await classroomService();
    const { sessionId, hostCredential } = await service.createSession(LIVE, { client: "routes-test-teacher-3" });
    const joined = await send(join, "/players", { sessionId }, { json: { nickname: "Offline Olga" } }, "203.0.113.243");
    const cookie = `${playerCookieName(sessionId)}=${cookieValue(joined, playerCookieName(sessionId)) ?? ""}`;
    const started = await service.hostAction(sessionId, hostCredential, { action: "start", version: 0 });
    const question = getBank().get(started.question?.id ?? "");
    if (!question) throw new Error("no question");
    const headers = { "Idempotency-Key": randomUUID() };
    const post = () => send(answerClassroom, "/answers", { sessionId }, { cookie, headers, json: { questionId: question.id, answer: answerKey(question) } });
    const first = await post();
    const retry = await post();
    expect([first.status, retry.status]).toEqual([200, 200]);
    const views = [await first.json(), await retry.json()] as { view: { yourAnswer: unknown; version: number } }[];
    expect(views[1]?.view.yourAnswer).toEqual(views[0]?.view.yourAnswer);
    expect((await service.getHostView(sessionId, hostCredential)).answered).toBe(1);
    const malformed = await send(answerClassroom, "/answers", { sessionId }, { cookie, headers: { "Idempotency-Key": "short" }, json: { questionId: question.id, answer: "x" } });
    await expectError(malformed, 400, "invalid_idempotency_key");
  });

  it("a malformed Idempotency-Key header is a 400", async () => {
    const { attemptId, question, answer } = await started("203.0.113.242");
    const response = await send(answerQuiz, "/answers", { attemptId }, { json: { questionId: question.id, answer }, headers: { "Idempotency-Key": "short" } });
    await expectError(response, 400, "invalid_idempotency_key");
  });
});

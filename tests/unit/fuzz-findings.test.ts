// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as poll } from "@/app/api/classroom/sessions/[sessionId]/state/route";
import { POST as nickname } from "@/app/api/quiz/attempts/[attemptId]/nickname/route";
import { GET as claim } from "@/app/classroom/host/[sessionId]/claim/route";
import { parseBody } from "@/lib/http/parse-request";
import { nicknameFormTextSchema } from "@/lib/nickname-schema";
import { actAsHost, joinAs, seedSession } from "../support/app-seed";
import { openAppStore } from "../support/app-store";
import { ORIGIN } from "../support/fuzz-values";
import { callRoute } from "../support/route-harness";

/**
 * What the route fuzz tests (tests/unit/fuzz-*-routes.test.ts) found, kept
 * as plain examples so each stays fixed even in a run whose random requests
 * do not happen to meet it again.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
beforeAll(async () => {
  app = await openAppStore("fuzz-findings");
});
afterAll(async () => app?.close());

const form = (body: string, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/quiz/attempts/x/nickname`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...headers },
    body,
  });

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status,
  );

describe("found by fuzzing", () => {
  it("a nickname holding half a character (a lone surrogate) joins without it, and the session carries on", async () => {
    // It used to be stored as it came: the embedded store then aborted the whole server on the next read of the roster.
    const session = await seedSession({ mode: "homework", players: 0 });
    const joined = await joinAs(session.sessionId, "Ana\uD800");
    expect(joined.status).toBe(201);
    expect(await joined.json()).toMatchObject({ nickname: "Ana" });
    const view = await actAsHost(session, "lock");
    expect(view.players.map((player) => player.nickname)).toEqual(["Ana"]);
  });

  it("a form field named __proto__ is an unknown field, not a way to change the parsed object's prototype", async () => {
    expect(await status(parseBody(form("nickname=Ana&__proto__=x"), nicknameFormTextSchema))).toBe(400);
    expect(await status(parseBody(form("nickname=Ana&__proto__.0=x"), nicknameFormTextSchema))).toBe(400);
  });

  it("an Origin header that is not a URL is refused as another site", async () => {
    const response = await callRoute("/api/quiz/attempts/[attemptId]/nickname/route", nickname, form("nickname=Ana", { origin: `${ORIGIN}.evil.example` }), {
      attemptId: "a".repeat(22),
    });
    expect(response.status).toBe(403);
  });

  it("a write with Origin: null (a sandboxed frame, a file, a cross-site redirect) is refused as another site", async () => {
    const response = await callRoute("/api/quiz/attempts/[attemptId]/nickname/route", nickname, form("nickname=Ana", { origin: "null" }), {
      attemptId: "a".repeat(22),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_site");
  });

  it("a host link whose session id no URL header can hold is a 404, not a 500", async () => {
    const response = await callRoute("/classroom/host/[sessionId]/claim/route", claim, new Request(`${ORIGIN}/classroom/host/x/claim?key=k`), {
      sessionId: "séance-💥",
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("a student's poll with a query field other than v is refused", async () => {
    const response = await callRoute(
      "/api/classroom/sessions/[sessionId]/state/route",
      poll,
      new Request(`${ORIGIN}/api/classroom/sessions/x/state?v=1&debug=1`),
      { sessionId: "a".repeat(22) },
    );
    expect(response.status).toBe(400);
  });
});

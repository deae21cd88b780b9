// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as answer } from "@/app/api/classroom/sessions/[sessionId]/answers/route";
import { GET as exportCsv } from "@/app/api/classroom/sessions/[sessionId]/export/route";
import { POST as hostAction } from "@/app/api/classroom/sessions/[sessionId]/host/actions/route";
import { GET as hostState } from "@/app/api/classroom/sessions/[sessionId]/host/state/route";
import { POST as join } from "@/app/api/classroom/sessions/[sessionId]/players/route";
import { GET as live } from "@/app/api/classroom/sessions/[sessionId]/live/route";
import { GET as poll } from "@/app/api/classroom/sessions/[sessionId]/state/route";
import { POST as create } from "@/app/api/classroom/sessions/route";
import { GET as claim } from "@/app/classroom/host/[sessionId]/claim/route";
import { answerSchema } from "@/lib/questions/requests";
import { hostCookieName, playerCookieName } from "@/lib/classroom/cookies";
import { dashboardPath } from "@/lib/classroom/paths";
import { createSessionSchema, hostActionSchema, joinSessionTextSchema, pollQuerySchema, sessionIdSchema } from "@/lib/classroom/requests";
import type { Store } from "@/lib/store";
import { seedSession, type SeededSession } from "../support/app-seed";
import { someAnswer } from "../support/some-answer";
import { openAppStore } from "../support/app-store";
import { expectRefusal } from "../support/fuzz-checks";
import type { Entries } from "../support/fuzz-requests";
import { idParam, junkQuery, junkValue, NO_PARAMS, ORIGIN, paramsOf } from "../support/fuzz-values";
import { fuzzRoute, FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";
import { fuzzEach, reads, writes } from "../support/fuzz-table";

/**
 * The classroom's routes under ≥ 1,000 malformed requests each, against
 * the app's real (embedded) store holding a live session with three
 * students, one question open and one answer in. Ids, cookies and bodies
 * are the real ones with faults, or junk. See tests/support/fuzz-runner.ts.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
let store: Store;
let session: SeededSession;
let secrets: string[];

beforeAll(async () => {
  app = await openAppStore("fuzz-classroom");
  store = app.store;
  session = await seedSession();
  secrets = [session.hostCredential, ...session.playerTokens, app.dataDir];
});
afterAll(async () => app?.close());

type SessionParams = { sessionId: string };

/** Called inside each test, once the session is seeded. */
const sessionParam = () => paramsOf("sessionId", idParam(session.sessionId, 22));
const asHost = ({ sessionId }: SessionParams) => ({ name: hostCookieName(sessionId), credential: sessionId === session.sessionId ? session.hostCredential : "x" });
const asPlayer = ({ sessionId }: SessionParams) => ({
  name: playerCookieName(sessionId),
  credential: sessionId === session.sessionId ? (session.playerTokens[1] ?? "") : "x",
});
const suite = () => ({ store, secrets });

/** Entries for the fields drawn, leaving out the ones drawn as absent. */
const present = (fields: Record<string, unknown>): Entries => Object.entries(fields).filter(([, value]) => value !== undefined);

describe("classroom writes under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  fuzzEach(suite, {
    "POST /api/classroom/sessions": () =>
      writes({
        handler: create,
        schema: createSessionSchema,
        params: NO_PARAMS,
        body: fc
          .record({
            mode: fc.constantFrom<unknown>("live", "homework", "LIVE", ""),
            length: fc.constantFrom<unknown>(5, 10, "20", 3),
            timer: fc.option(fc.constantFrom<unknown>(0, 10, "30", 45), { nil: undefined }),
            scoring: fc.option(fc.constantFrom<unknown>("accuracy", "speed", "luck"), { nil: undefined }),
            dueInHours: fc.option(fc.constantFrom<unknown>(1, 24, "168", 2), { nil: undefined }),
          })
          .map(present),
        required: ["mode", "length"],
        known: ["mode", "length", "topic", "challenge", "timer", "scoring", "dueInHours"],
      }),

    // Joining needs no cookie: a wrong one is a new student, not a fault.
    "POST /api/classroom/sessions/[sessionId]/players": () =>
      writes({
        handler: join,
        schema: joinSessionTextSchema,
        params: sessionParam(),
        body: fc.option(fc.oneof(fc.constantFrom("Seeded 1", "Ana"), junkValue), { nil: undefined }).map((nickname) => present({ nickname })),
        required: [],
        known: ["nickname"],
        cookie: asPlayer,
        credentialRequired: false,
      }),

    "POST /api/classroom/sessions/[sessionId]/answers": () => {
      const question = session.question;
      if (!question) throw new Error("the seeded session has no open question");
      return writes({
        handler: answer,
        schema: answerSchema,
        params: sessionParam(),
        body: fc
          .record({ id: fc.option(fc.string({ maxLength: 70 }), { nil: undefined }), answer: fc.option(junkValue, { nil: undefined }) })
          .map(({ id, answer: given }): Entries => [
            ["questionId", id ?? question.id],
            ["answer", given ?? someAnswer(question)],
          ]),
        required: ["questionId", "answer"],
        known: ["questionId", "answer"],
        cookie: asPlayer,
        credentialRequired: true,
      });
    },

    "POST /api/classroom/sessions/[sessionId]/host/actions": () =>
      writes({
        handler: hostAction,
        schema: hostActionSchema,
        params: sessionParam(),
        body: fc
          .record({
            action: fc.constantFrom<unknown>("close", "reveal", "lock", "remove", "explode", ""),
            version: fc.constantFrom<unknown>(0, 1, 2, "3", -1, 1.5),
            playerId: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
            from: fc.option(fc.constantFrom<unknown>("dashboard", "projector", "elsewhere"), { nil: undefined }),
          })
          .map(present),
        required: ["action", "version"],
        known: ["action", "version", "playerId", "from"],
        cookie: asHost,
        credentialRequired: true,
      }),
  });
});

describe("classroom reads under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  fuzzEach(suite, {
    "GET /api/classroom/sessions/[sessionId]/state": () =>
      reads({
        handler: poll,
        params: sessionParam(),
        cookie: asPlayer,
        queryValid: (query) => pollQuerySchema.safeParse(Object.fromEntries(query)).success,
      }),
    "GET /api/classroom/sessions/[sessionId]/host/state": () => reads({ handler: hostState, params: sessionParam(), cookie: asHost }),
    // Public: no cookie read, the same answer for everyone.
    "GET /api/classroom/sessions/[sessionId]/live": () => reads({ handler: live, params: sessionParam() }),
    "GET /api/classroom/sessions/[sessionId]/export": () =>
      reads({
        handler: exportCsv,
        params: sessionParam(),
        cookie: asHost,
        expectAnswer: (response) => {
          expect(response.status).toBe(200);
          expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
        },
      }),
  });

  it("GET /classroom/host/[sessionId]/claim: a wrong key sets no cookie and still goes to the dashboard", async () => {
    const key = fc.oneof(
      { arbitrary: fc.constant({ value: session.hostCredential, valid: true }), weight: 2 },
      fc.oneof(fc.string({ maxLength: 60 }), junkValue.map(String), fc.constant(session.hostCredential.slice(1))).map((value) => ({ value, valid: false })),
    );
    const claims = fc.record({ param: sessionParam(), credential: fc.option(key, { nil: undefined }), extra: junkQuery }).map(({ param, credential, extra }) => {
      const target = new URL(`/classroom/host/${encodeURIComponent(param.value.sessionId)}/claim?${extra}`, ORIGIN);
      if (credential) target.searchParams.set("key", credential.value);
      // `sent` is for the counterexample fast-check prints (a Request prints as [object Request]).
      return { request: new Request(target), params: param.value, claimed: param.valid && credential?.valid === true, sent: target.toString() };
    });
    await fuzzRoute(store, { page: "/classroom/host/[sessionId]/claim/route", handler: claim }, claims, async (response, { params, claimed }, watch) => {
      if (!sessionIdSchema.safeParse(params.sessionId).success) {
        await expectRefusal(response, { htmlForForms: false, form: false, secrets });
        expect(response.status).toBe(404);
        return;
      }
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(dashboardPath(params.sessionId));
      expect(response.headers.getSetCookie().length, "a cookie only for the right link").toBe(claimed ? 1 : 0);
      await watch.unchanged();
    });
  });
});

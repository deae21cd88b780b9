// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as answer } from "@/app/api/classroom/sessions/[sessionId]/answers/route";
import { GET as exportCsv } from "@/app/api/classroom/sessions/[sessionId]/export/route";
import { POST as hostAction } from "@/app/api/classroom/sessions/[sessionId]/host/actions/route";
import { GET as hostState } from "@/app/api/classroom/sessions/[sessionId]/host/state/route";
import { POST as join } from "@/app/api/classroom/sessions/[sessionId]/players/route";
import { GET as poll } from "@/app/api/classroom/sessions/[sessionId]/state/route";
import { POST as create } from "@/app/api/classroom/sessions/route";
import { GET as claim } from "@/app/classroom/host/[sessionId]/claim/route";
import { answerSchema } from "@/lib/questions/requests";
import { hostCookieName, playerCookieName } from "@/lib/classroom/cookies";
import { dashboardPath } from "@/lib/classroom/paths";
import { joinSessionSchema } from "@/lib/classroom/join";
import { createSessionSchema, hostActionSchema, pollQuerySchema, sessionIdSchema } from "@/lib/classroom/requests";
import type { Store } from "@/lib/store";
import { seedSession, someAnswer, type SeededSession } from "../support/app-seed";
import { openAppStore } from "../support/app-store";
import { expectRefusal } from "../support/fuzz-checks";
import type { Entries } from "../support/fuzz-requests";
import { idParam, junkQuery, junkValue, ORIGIN, type Maybe } from "../support/fuzz-values";
import { fuzzReads, fuzzWrites, RUNS, storeWatch, FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";
import { callRoute } from "../support/route-harness";

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
const sessionParam = (): fc.Arbitrary<Maybe<SessionParams>> =>
  idParam(session.sessionId, 22).map((id) => ({ value: { sessionId: id.value }, valid: id.valid }));
const url = (path: string) => ({ sessionId }: SessionParams) => `/api/classroom/sessions/${encodeURIComponent(sessionId)}${path}`;
const asHost = ({ sessionId }: SessionParams) => ({ name: hostCookieName(sessionId), credential: sessionId === session.sessionId ? session.hostCredential : "x" });
const asPlayer = ({ sessionId }: SessionParams) => ({
  name: playerCookieName(sessionId),
  credential: sessionId === session.sessionId ? (session.playerTokens[1] ?? "") : "x",
});

describe("classroom writes under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it("POST /api/classroom/sessions", async () => {
    await fuzzWrites(store, {
      page: "/api/classroom/sessions/route",
      handler: create,
      schema: createSessionSchema,
      htmlForForms: true,
      secrets,
      route: {
        url: () => "/api/classroom/sessions",
        params: fc.constant({ value: {}, valid: true }),
        body: fc
          .record({
            mode: fc.constantFrom<unknown>("live", "homework", "LIVE", ""),
            length: fc.constantFrom<unknown>(5, 10, "20", 3),
            timer: fc.option(fc.constantFrom<unknown>(0, 10, "30", 45), { nil: undefined }),
            scoring: fc.option(fc.constantFrom<unknown>("accuracy", "speed", "luck"), { nil: undefined }),
            dueInHours: fc.option(fc.constantFrom<unknown>(1, 24, "168", 2), { nil: undefined }),
          })
          .map((fields): Entries => Object.entries(fields).filter(([, value]) => value !== undefined)),
        required: ["mode", "length"],
        known: ["mode", "length", "topic", "challenge", "timer", "scoring", "dueInHours"],
      },
    });
  });

  it("POST /api/classroom/sessions/[sessionId]/players", async () => {
    await fuzzWrites(store, {
      page: "/api/classroom/sessions/[sessionId]/players/route",
      handler: join,
      schema: joinSessionSchema,
      htmlForForms: true,
      secrets,
      route: {
        url: url("/players"),
        params: sessionParam(),
        body: fc.option(fc.oneof(fc.constantFrom("Seeded 1", "Ana"), junkValue), { nil: undefined }).map(
          (nickname): Entries => (nickname === undefined ? [] : [["nickname", nickname]]),
        ),
        required: [],
        known: ["nickname"],
        // Joining needs no cookie: a wrong one is a new student, not a fault.
        cookie: asPlayer,
        credentialRequired: false,
      },
    });
  });

  it("POST /api/classroom/sessions/[sessionId]/answers", async () => {
    const question = session.question;
    if (!question) throw new Error("the seeded session has no open question");
    await fuzzWrites(store, {
      page: "/api/classroom/sessions/[sessionId]/answers/route",
      handler: answer,
      schema: answerSchema,
      htmlForForms: true,
      secrets,
      route: {
        url: url("/answers"),
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
      },
    });
  });

  it("POST /api/classroom/sessions/[sessionId]/host/actions", async () => {
    await fuzzWrites(store, {
      page: "/api/classroom/sessions/[sessionId]/host/actions/route",
      handler: hostAction,
      schema: hostActionSchema,
      htmlForForms: true,
      secrets,
      route: {
        url: url("/host/actions"),
        params: sessionParam(),
        body: fc
          .record({
            action: fc.constantFrom<unknown>("close", "reveal", "lock", "remove", "explode", ""),
            version: fc.constantFrom<unknown>(0, 1, 2, "3", -1, 1.5),
            playerId: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
            from: fc.option(fc.constantFrom<unknown>("dashboard", "projector", "elsewhere"), { nil: undefined }),
          })
          .map((fields): Entries => Object.entries(fields).filter(([, value]) => value !== undefined)),
        required: ["action", "version"],
        known: ["action", "version", "playerId", "from"],
        cookie: asHost,
        credentialRequired: true,
      },
    });
  });
});

describe("classroom reads under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it("GET /api/classroom/sessions/[sessionId]/state", async () => {
    await fuzzReads(store, {
      page: "/api/classroom/sessions/[sessionId]/state/route",
      handler: poll,
      secrets,
      route: {
        url: url("/state"),
        params: sessionParam(),
        cookie: asPlayer,
        queryValid: (query) => pollQuerySchema.safeParse(Object.fromEntries(query)).success,
      },
    });
  });

  it("GET /api/classroom/sessions/[sessionId]/host/state", async () => {
    await fuzzReads(store, {
      page: "/api/classroom/sessions/[sessionId]/host/state/route",
      handler: hostState,
      secrets,
      route: { url: url("/host/state"), params: sessionParam(), cookie: asHost },
    });
  });

  it("GET /api/classroom/sessions/[sessionId]/export", async () => {
    await fuzzReads(store, {
      page: "/api/classroom/sessions/[sessionId]/export/route",
      handler: exportCsv,
      secrets,
      route: { url: url("/export"), params: sessionParam(), cookie: asHost },
      expectAnswer: (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      },
    });
  });

  it("GET /classroom/host/[sessionId]/claim: a wrong key sets no cookie and still goes to the dashboard", async () => {
    const watch = await storeWatch(store);
    const key = fc.oneof(
      { arbitrary: fc.constant({ value: session.hostCredential, valid: true }), weight: 2 },
      fc.oneof(fc.string({ maxLength: 60 }), junkValue.map(String), fc.constant(session.hostCredential.slice(1))).map((value) => ({ value, valid: false })),
    );
    await fc.assert(
      fc.asyncProperty(sessionParam(), fc.option(key, { nil: undefined }), junkQuery, async (param, credential, extra) => {
        const target = new URL(`/classroom/host/${encodeURIComponent(param.value.sessionId)}/claim?${extra}`, ORIGIN);
        if (credential) target.searchParams.set("key", credential.value);
        const response = await callRoute("/classroom/host/[sessionId]/claim/route", claim, new Request(target), param.value);
        if (!sessionIdSchema.safeParse(param.value.sessionId).success) {
          await expectRefusal(response, { htmlForForms: false, form: false, secrets });
          expect(response.status).toBe(404);
          return;
        }
        expect(response.status).toBe(303);
        expect(response.headers.get("location")).toBe(dashboardPath(param.value.sessionId));
        const claimed = param.valid && credential?.valid === true;
        expect(response.headers.getSetCookie().length, "a cookie only for the right link").toBe(claimed ? 1 : 0);
        await watch.unchanged();
      }),
      { numRuns: RUNS },
    );
  });
});

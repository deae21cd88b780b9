// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { hasRedisServer, startRedisServer } from "../support/global-setup";
import { classroomKeys } from "@/lib/classroom/keys";

/**
 * Nothing is kept longer than the site says. A whole use of the app runs
 * through the route handlers, as browsers would send it — quizzes started,
 * answered, finished, named, practised, shared and challenged; leaderboards
 * read; a live classroom session created, joined, answered, revealed,
 * ended and exported; a homework session; wrong and right join codes; every
 * rate limit counting — all from one recognisable client address. Then
 * every key in the store must have a TTL within what was promised for it,
 * and the address must appear nowhere, in keys or values.
 *
 * It runs on the embedded store and on a real Redis of its own (the
 * test-wide one is shared with suites that write keys of their own). The
 * routes read their store from the environment once, so each adapter gets
 * the environment set and a fresh module registry.
 */

const CLIENT_IP = "203.0.113.77";
const HOUR = 3_600;
const DAY = 24 * HOUR;

/** Each kind of key, the longest it may live, and where that was promised. */
const RETENTION: { keys: RegExp; maxSeconds: number; promise: string }[] = [
  { keys: /^quiz:att:/, maxSeconds: 30 * DAY, promise: "/about: stored quiz data expires after 30 days" },
  { keys: /^share:res:/, maxSeconds: 30 * DAY, promise: "/about: a share link is quiz data (30 days)" },
  { keys: /^quiz:lb:day:/, maxSeconds: 30 * DAY, promise: "/about: today's leaderboard is quiz data (30 days)" },
  { keys: /^quiz:lb:month:/, maxSeconds: 32 * DAY, promise: "/about: a nickname on a month's leaderboard, 32 days after the month ends" },
  { keys: /^quiz:(qstats|scores):/, maxSeconds: 400 * DAY, promise: "/about: anonymous totals, 400 days" },
  { keys: /^session:/, maxSeconds: 30 * DAY, promise: "/classroom: deleted at the latest 30 days after it was created" },
  // Two windows of the longest rule (an hour, session creation): a rule with a longer window must change the page first.
  { keys: /^rl:/, maxSeconds: 2 * HOUR, promise: "/about: abuse limits keep their counts for at most two hours" },
  // Not about anyone: the random secret client addresses are hashed with (lib/security/client-keys.ts).
  { keys: /^secret:client-keys$/, maxSeconds: 30 * DAY, promise: "README: the secret addresses are hashed with is replaced every 30 days" },
];

/** The environment variables that choose a store, cleared before each adapter's run. */
const STORE_VARIABLES = ["DATA_DIR", "REDIS_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "VERCEL"];

const ADAPTERS: [name: string, start: (() => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>) | undefined][] = [
  [
    "embedded",
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "ttl-scan-"));
      return { env: { DATA_DIR: dataDir }, stop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  ],
  [
    "redis",
    hasRedisServer()
      ? async () => {
          const server = await startRedisServer();
          return { env: { REDIS_URL: server.url }, stop: server.stop };
        }
      : undefined,
  ],
];

/** The app, freshly loaded against the environment just set. */
async function loadApp() {
  vi.resetModules();
  return {
    seed: await import("../support/app-seed"),
    harness: await import("../support/route-harness"),
    snapshot: await import("../support/store-snapshot"),
    store: await import("@/lib/store"),
    quiz: await import("@/lib/quiz"),
    classroom: await import("@/lib/classroom"),
    requester: await import("@/lib/http/requester"),
    cookies: await import("@/lib/classroom/cookies"),
    exportRoute: await import("@/app/api/classroom/sessions/[sessionId]/export/route"),
  };
}

type App = Awaited<ReturnType<typeof loadApp>>;

/** Everything a visitor, a sharer and a class can do, from CLIENT_IP. */
async function useEverything(app: App) {
  const options = { clientIp: CLIENT_IP };
  const quiz = await app.seed.seedQuiz(options);
  await quiz.practise();
  await quiz.challenge();
  const board = await app.quiz.quizService();
  await board.getLeaderboard("day");
  await board.getLeaderboard("month");

  const live = await app.seed.seedSession(options);
  // The waiting room: one player let in, one turned away, one still waiting when the session ends.
  await app.seed.actAsHost(live, "ask", CLIENT_IP);
  for (const [nickname, action] of [["Let In", "admit-all"], ["Turned Away", "turn-away-all"], ["Still Waiting", undefined]] as const) {
    expect((await app.seed.joinAs(live.sessionId, nickname, CLIENT_IP)).status).toBe(202);
    if (action) await app.seed.actAsHost(live, action, CLIENT_IP);
  }
  for (const action of ["close", "reveal", "standings", "next", "end"]) await app.seed.actAsHost(live, action, CLIENT_IP);
  const csv = await app.harness.callRoute(
    "/api/classroom/sessions/[sessionId]/export/route",
    app.exportRoute.GET,
    new Request(`http://localhost:3000/api/classroom/sessions/${live.sessionId}/export`, {
      headers: { cookie: `${app.cookies.hostCookieName(live.sessionId)}=${live.hostCredential}`, "x-forwarded-for": CLIENT_IP },
    }),
    { sessionId: live.sessionId },
  );
  expect(csv.status).toBe(200);

  const homework = await app.seed.seedSession({ ...options, mode: "homework", players: 2 });
  const service = await app.classroom.classroomService();
  // The join page looks codes up through lib/classroom, with the client the route derives from X-Forwarded-For.
  const requester = app.requester.clientOf(new Headers({ "x-forwarded-for": CLIENT_IP }));
  await expect(service.lookupCode("ZZZZZZZZ", requester)).rejects.toMatchObject({ status: 404 });
  await expect(service.lookupCode(homework.code, requester)).resolves.toEqual({ sessionId: homework.sessionId });
  return { endedSessionId: live.sessionId };
}

for (const [name, start] of ADAPTERS) {
  describe.skipIf(!start)(`every key has a TTL within its promise: ${name}${start ? "" : " (skipped: no redis-server)"}`, () => {
    it("after a full use of the app", { timeout: 120_000 }, async () => {
      const backend = await (start as NonNullable<typeof start>)();
      for (const variable of STORE_VARIABLES) delete process.env[variable];
      Object.assign(process.env, backend.env);
      const app = await loadApp();
      try {
        const { endedSessionId } = await useEverything(app);
        const store = await app.store.getStore();
        const keys = await store.keys("");
        const ttls = await store.exec(keys.map((key) => app.store.op.ttl(key)));

        expect(keys.length).toBeGreaterThan(20);
        for (const prefix of ["quiz:att:", "share:res:", "quiz:lb:", "session:", "rl:"]) {
          expect(keys.some((key) => key.startsWith(prefix)), `the run wrote ${prefix} keys`).toBe(true);
        }
        const problems = keys.flatMap((key, i) => {
          const ttl = ttls[i] ?? -2;
          const rule = RETENTION.find(({ keys: pattern }) => pattern.test(key));
          if (!rule) return [`${key}: no retention promise covers it`];
          if (ttl <= 0) return [`${key}: no TTL (${ttl})`];
          if (ttl > rule.maxSeconds) return [`${key}: lives ${Math.round(ttl / DAY)} days, beyond "${rule.promise}"`];
          // /classroom: "Everything is deleted 7 days after the session ends."
          if (key.startsWith(classroomKeys.session(endedSessionId)) && ttl > 7 * DAY) return [`${key}: lives ${ttl} s after its session ended`];
          return [];
        });
        expect(problems).toEqual([]);

        const { values } = await app.snapshot.snapshotStore(store);
        const holding = [...values].filter(([key, value]) => key.includes(CLIENT_IP) || value.includes(CLIENT_IP));
        expect(holding.map(([key]) => key), "keys holding the raw client address").toEqual([]);
      } finally {
        await app.store.closeStore();
        await backend.stop();
      }
    });
  });
}

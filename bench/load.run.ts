import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/bank";
import { createStore } from "@/lib/store";
import { ensureBuild, LOAD_BUILD, LOAD_SERVER, startApp, type ServerStore } from "./lib/app-server";
import { enrol, openResults, planAnswers, QUIZ_LENGTH, retryUnacknowledged, submitPlan, type PlannedAnswer } from "./lib/crowd";
import { latencies, tally } from "./lib/figures";
import { loadClient } from "./lib/http-client";
import { embeddedBackend, redisBackend, type Backend } from "./lib/stores";
import { verifyStore } from "./lib/verify";

/**
 * `npm run test:load`: the production build (`next start`) on the
 * embedded store, then on Redis. 1,000 players each start a 10-question
 * quiz, then all 10,000 answers are sent at once (one player in twenty
 * double-taps, so 10,050 requests) over up to 256 connections at a time, then
 * every player opens the results.
 * Answers that fail (503 when the store is too slow under the load) are
 * retried after Retry-After, as the page would. The store must then hold
 * exactly what was sent and acknowledged: see lib/verify.ts.
 * Prints throughput, latency and status counts; fails when a count is off
 * or an answer was not acknowledged.
 */

const PLAYERS = 1_000;
/**
 * Connections open at once; the other requests wait in the client and go
 * as soon as one finishes (a rolling wave). More does not load the app
 * more, it only lengthens the queue in front of it: on a busy two-core
 * machine, 10,000 (and even 1,000) simultaneous connections overflow the
 * accept backlog (SYN timeouts) and wait past Node's 60 s headers timeout
 * (connection resets), so the run would measure the kernel, not the app.
 */
const CONNECTIONS = 256;
/** Starts and results pages go in waves: they are setup and read-back, not the load under test. */
const WAVES = 100;
const RETRY_ROUNDS = 5;

beforeAll(async () => console.info(`load: ${await ensureBuild(LOAD_BUILD)}`));

const PHASES: { name: string; open(): Promise<Backend & { server: ServerStore }> }[] = [
  { name: "embedded", open: async () => embeddedBackend() },
  { name: "redis", open: () => redisBackend({ durable: false }) },
];

describe("quiz answers over HTTP under load", () => {
  for (const phase of PHASES) {
    it(`${phase.name}: ${PLAYERS * QUIZ_LENGTH} answers at once are each counted exactly once`, async () => {
      const backend = await phase.open();
      const app = await startApp({ ...LOAD_SERVER, name: `load-${phase.name}`, store: backend.server }).catch(async (error: unknown) => {
        await backend.close();
        throw error;
      });
      const store = await createStore(backend.config, { timeoutMs: 30_000 });
      const client = loadClient(app.url, CONNECTIONS);
      try {
        const { players, starts } = await enrol(client, { store, bank: loadBank() }, PLAYERS, WAVES);
        const plans = planAnswers(players);

        const acknowledged = new Set<PlannedAnswer>();
        const started = performance.now();
        const requests = (await Promise.all(plans.map((plan) => submitPlan(client, plan, acknowledged)))).flat();
        const seconds = (performance.now() - started) / 1000;
        const firstPass = acknowledged.size;
        const replays = requests.filter((s) => s.status === 200 && s.body.includes('"replay":true')).length;
        // A 503 under overload is the app failing fast; the client retries it, as the page's script would.
        const retries = await retryUnacknowledged(client, { plans, acknowledged, sent: requests }, { rounds: RETRY_ROUNDS, inFlight: CONNECTIONS });

        const playerViews = await openResults(client, players, WAVES);
        const views = playerViews.flat();
        const finished = players.filter((_, i) => playerViews[i]?.some((view) => view.status === 200));
        const verification = await verifyStore(store, { players, plans, acknowledged, finished });

        console.info(
          [
            `load (${phase.name}, next start): ${players.length} players, ${plans.length} answers, ${requests.length} requests (${requests.length - plans.length} double taps)`,
            `  starts: ${tally(starts.map((s) => s.status))}; ${latencies(starts.map((s) => s.ms))}`,
            `  answers, all sent at once over up to ${CONNECTIONS} connections: ${seconds.toFixed(1)} s, ${(requests.length / seconds).toFixed(0)} requests/s`,
            `  answer latency: ${latencies(requests.map((s) => s.ms))}`,
            `  answer statuses: ${tally(requests.map((s) => s.status))}; replays (same answer again, not counted): ${replays}; 409 for a double tap still in progress: ${requests.filter((s) => s.status === 409).length}`,
            `  acknowledged on the first try: ${firstPass}; retried after Retry-After: ${retries.length}, ${tally(retries.map((s) => s.status))}, of which replays (stored though the first try failed, counted once): ${retries.filter((s) => s.body.includes('"replay":true')).length}`,
            `  errors without a response: ${tally(requests.filter((s) => s.error).map((s) => s.error ?? ""))}`,
            `  results pages: ${tally(views.map((s) => s.status))}; ${latencies(views.map((s) => s.ms))}`,
            `  store: ${verification.acknowledged} acknowledged, ${verification.stored} stored, ${verification.counted} counted (${verification.rightCounted} right), ${verification.finishedCounted} scores in the distribution`,
            `  verification: ${verification.problems.length === 0 ? "exact" : `FAILED\n    ${verification.problems.join("\n    ")}`}`,
          ].join("\n"),
        );
        expect(verification.problems).toEqual([]);
        // A double tap's second copy may arrive while the first is still being processed: 409, by design.
        const inProgress = requests.filter((s) => s.status === 409 && s.body.includes('"request_in_progress"'));
        expect(inProgress.length, "409s only for double taps").toBeLessThanOrEqual(requests.length - plans.length);
        expect(
          requests.filter((s) => s.status !== 200 && s.status !== 503 && !inProgress.includes(s)).map((s) => s.status),
          "only 200, 503, or 409 for a double tap in progress",
        ).toEqual([]);
        expect(tally(starts.map((s) => s.status))).toBe(`201×${PLAYERS}`);
        expect(acknowledged.size, "every answer acknowledged").toBe(plans.length);
        expect(finished.length, "every results page shown").toBe(players.length);
        expect(verification.counted).toBe(plans.length);
      } catch (error) {
        console.error(`server output (last 3,000 characters):\n${app.log().slice(-3_000)}`);
        throw error;
      } finally {
        client.close();
        await store.close();
        await app.stop();
        await backend.close();
      }
    });
  }
});

import type { StoreCounts } from "../server/counting-store";
import { createLiveSession, joinStudent, poll } from "./classroom";
import { answerPath, answersFor, fullTopic, newPlayerHeaders, postJson, startFullAttempt } from "./crowd";

/**
 * Store round trips and commands per request, from the bench build's
 * counting store (app/api/bench/store-counts): the counts are read before
 * and after each request, one request at a time, so the difference is that
 * request's cost.
 */

const SAMPLES = 10;

export interface RequestCost {
  roundTrips: { max: number; mean: number };
  commands: { max: number; mean: number };
  samples: number;
}

const countsUrl = (origin: string) => `${origin}/api/bench/store-counts`;

/**
 * Starts counting the server's store calls (once; the bench asks right
 * after starting a server). Fails on a server built without the bench's
 * routes: only the bench's own build has them.
 */
export async function startCounting(origin: string): Promise<void> {
  const response = await fetch(countsUrl(origin), { method: "POST" });
  if (!response.ok) {
    throw new Error(`POST /api/bench/store-counts answered ${response.status}: is this the bench's build (BENCH_BUILD=1)? ${(await response.text()).slice(0, 300)}`);
  }
}

/** The counts of a server's store so far. */
export async function storeCounts(origin: string): Promise<StoreCounts> {
  const response = await fetch(countsUrl(origin));
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`GET /api/bench/store-counts answered ${response.status} ${JSON.stringify(body)}`);
  return body as StoreCounts;
}

/** The store cost of a request, read around it. */
export async function costOf(origin: string, request: () => Promise<unknown>): Promise<StoreCounts> {
  const before = await storeCounts(origin);
  await request();
  const after = await storeCounts(origin);
  return { roundTrips: after.roundTrips - before.roundTrips, commands: after.commands - before.commands, waitMs: after.waitMs - before.waitMs };
}

function summarise(samples: StoreCounts[]): RequestCost {
  const of = (pick: (c: StoreCounts) => number) => ({
    max: Math.max(...samples.map(pick)),
    mean: samples.reduce((sum, c) => sum + pick(c), 0) / samples.length,
  });
  return { roundTrips: of((c) => c.roundTrips), commands: of((c) => c.commands), samples: samples.length };
}

async function getOk(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
}

/** @param options whether the classroom routes exist */
export async function measureStoreCost(origin: string, options: { classroom: boolean }): Promise<Record<string, RequestCost>> {
  const plan = fullTopic();
  const samples: Record<string, StoreCounts[]> = { start: [], answer: [], questionPage: [], resultsFirstView: [], pollChanged: [], pollUnchanged: [] };
  for (let i = 0; i < SAMPLES; i += 1) {
    samples.start?.push(await costOf(origin, () => postJson(`${origin}/api/quiz/attempts`, { length: 10 })));
  }
  const player = newPlayerHeaders();
  const attemptId = await startFullAttempt(origin, plan, player);
  for (const answer of answersFor(attemptId, plan, player)) {
    samples.questionPage?.push(await costOf(origin, () => getOk(`${origin}/quiz/play/${attemptId}`)));
    samples.answer?.push(
      await costOf(origin, async () => {
        const response = await fetch(origin + answerPath(answer.attemptId), {
          method: "POST",
          headers: answer.headers,
          body: answer.body,
        });
        if (!response.ok) throw new Error(`answer answered ${response.status}: ${await response.text()}`);
      }),
    );
  }
  samples.resultsFirstView?.push(await costOf(origin, () => getOk(`${origin}/quiz/results/${attemptId}`)));
  if (options.classroom) {
    const session = await createLiveSession(origin);
    const cookie = await joinStudent(origin, session.sessionId, 0);
    for (let i = 0; i < SAMPLES; i += 1) {
      let version = -1;
      samples.pollChanged?.push(await costOf(origin, async () => (version = (await poll(origin, session.sessionId, cookie, -1)).version)));
      samples.pollUnchanged?.push(await costOf(origin, () => poll(origin, session.sessionId, cookie, version)));
    }
  }
  return Object.fromEntries(Object.entries(samples).filter(([, list]) => list.length > 0).map(([name, list]) => [name, summarise(list)]));
}

// @ts-check
import { createLiveRoom, joinStudent, poll } from "./classroom.mjs";
import { answerPath, answersFor, fullTopic, newPlayerHeaders, postJson, startFullAttempt } from "./quiz.mjs";

/**
 * Store round trips and commands per request, from the bench build's
 * counting store (app/api/bench/store-counts): the counts are read before
 * and after each request, one request at a time, so the difference is that
 * request's cost.
 */

const SAMPLES = 10;

/** @typedef {{ roundTrips: number; commands: number; waitMs: number }} Counts */
/** @typedef {{ roundTrips: { max: number; mean: number }; commands: { max: number; mean: number }; samples: number }} RequestCost */

/**
 * Starts counting the server's store calls (once; the bench asks right
 * after starting a server). Fails on a server built without the bench's
 * routes: only the bench's own build has them.
 * @param {string} origin
 */
export async function startCounting(origin) {
  const response = await fetch(`${origin}/api/bench/store-counts`, { method: "POST" });
  if (!response.ok) {
    throw new Error(`POST /api/bench/store-counts answered ${response.status}: is this the bench's build (BENCH_BUILD=1)? ${(await response.text()).slice(0, 300)}`);
  }
}

/**
 * The counters of a server's store so far.
 * @param {string} origin
 * @returns {Promise<Counts>}
 */
export async function storeCounts(origin) {
  const response = await fetch(`${origin}/api/bench/store-counts`);
  const body = await response.json();
  if (!response.ok) throw new Error(`GET /api/bench/store-counts answered ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * The store cost of a request, read around it.
 * @param {string} origin
 * @param {() => Promise<unknown>} request
 * @returns {Promise<Counts>}
 */
export async function costOf(origin, request) {
  const before = await storeCounts(origin);
  await request();
  const after = await storeCounts(origin);
  return { roundTrips: after.roundTrips - before.roundTrips, commands: after.commands - before.commands, waitMs: after.waitMs - before.waitMs };
}

/** @param {Counts[]} samples @returns {RequestCost} */
function summarise(samples) {
  const of = (/** @type {(c: Counts) => number} */ pick) => ({
    max: Math.max(...samples.map(pick)),
    mean: samples.reduce((sum, c) => sum + pick(c), 0) / samples.length,
  });
  return { roundTrips: of((c) => c.roundTrips), commands: of((c) => c.commands), samples: samples.length };
}

/**
 * @param {string} url
 */
async function getOk(url) {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
}

/**
 * @param {string} origin
 * @param {{ classroom: boolean }} options whether the classroom routes exist
 * @returns {Promise<Record<string, RequestCost>>}
 */
export async function measureStoreCost(origin, options) {
  const plan = await fullTopic();
  /** @type {Record<string, Counts[]>} */
  const samples = { start: [], answer: [], questionPage: [], resultsFirstView: [], pollChanged: [], pollUnchanged: [] };
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
    const room = await createLiveRoom(origin);
    const cookie = await joinStudent(origin, room.roomId);
    for (let i = 0; i < SAMPLES; i += 1) {
      /** @type {number} */
      let version = -1;
      samples.pollChanged?.push(await costOf(origin, async () => (version = (await poll(origin, room.roomId, cookie, -1)).version)));
      samples.pollUnchanged?.push(await costOf(origin, () => poll(origin, room.roomId, cookie, version)));
    }
  }
  return Object.fromEntries(Object.entries(samples).filter(([, list]) => list.length > 0).map(([name, list]) => [name, summarise(list)]));
}

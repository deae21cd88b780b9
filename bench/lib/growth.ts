import { answerPath, fullTopic, postJson, prepareAnswers } from "./crowd";
import { quantile } from "./figures";
import { mapConcurrent } from "./http-client";
import { storeCounts } from "./store-cost";

/**
 * Growth: the cost of recording an answer and of the results page (which
 * finishes the attempt and computes its percentile) with 1,000 and with
 * 1,000,000 finished attempts in the store.
 *
 * Two servers on two stores, one filled to each level by the bench-only
 * fill route (see bench/server/fill.ts for what a finished attempt leaves
 * behind: every attempt's answers and score go into the shared counters,
 * and the first WITH_OWN_KEYS attempts get their own keys too). Then the
 * same quizzes are played on both, one request at a time, alternating
 * between the two servers, so that load from elsewhere on the machine
 * slows both alike instead of whichever level was measured at the time.
 */

const LEVELS = [1_000, 1_000_000] as const;
const WITH_OWN_KEYS = 10_000;
/** Attempts per fill request: own keys are slow to write, counters are not. */
const FILL_PER_CALL = { withOwnKeys: 5_000, countersOnly: 100_000 };
const QUIZZES = 40;
const WARM_UP_QUIZZES = 10;

export interface Timing {
  p50Ms: number;
  p90Ms: number;
  storeMsPerRequest: number;
  samples: number;
}

export interface GrowthLevel {
  finishedAttempts: number;
  fillSeconds: number;
  answer: Timing;
  results: Timing;
}

/** Fills a store to `level` finished attempts; returns the seconds it took. */
async function fill(origin: string, level: number): Promise<number> {
  const calls: { count: number; seed: number; records: boolean }[] = [];
  for (let from = 0; from < level; ) {
    const records = from < WITH_OWN_KEYS;
    const step = records ? FILL_PER_CALL.withOwnKeys : FILL_PER_CALL.countersOnly;
    const end = Math.min(level, from + step, records ? WITH_OWN_KEYS : Infinity);
    calls.push({ count: end - from, seed: from, records });
    from = end;
  }
  const started = performance.now();
  // One call at a time: the store writes them one after another anyway.
  await mapConcurrent(calls, 1, (call) => postJson(`${origin}/api/bench/fill`, call));
  return (performance.now() - started) / 1000;
}

/** Sends each server its requests (one list per server, of equal length), alternating between the servers, one request at a time. */
async function timeAlternately(origins: string[], requests: (() => Promise<Response>)[][]): Promise<Timing[]> {
  const latencies: number[][] = origins.map(() => []);
  const before = await Promise.all(origins.map(storeCounts));
  const rounds = requests[0]?.length ?? 0;
  for (let i = 0; i < rounds; i += 1) {
    for (const [server, list] of requests.entries()) {
      const started = performance.now();
      const response = await (list[i] as () => Promise<Response>)();
      await response.arrayBuffer();
      latencies[server]?.push(performance.now() - started);
      if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
    }
  }
  const after = await Promise.all(origins.map(storeCounts));
  return origins.map((_, server) => {
    const list = latencies[server] ?? [];
    const waitMs = (after[server]?.waitMs ?? 0) - (before[server]?.waitMs ?? 0);
    return { p50Ms: quantile(list, 0.5), p90Ms: quantile(list, 0.9), storeMsPerRequest: waitMs / list.length, samples: list.length };
  });
}

/** Plays `quizzes` full quizzes on every server, answer by answer, then opens each one's results. */
async function play(origins: string[], quizzes: number): Promise<{ answer: Timing; results: Timing }[]> {
  const plan = fullTopic();
  const answers = await Promise.all(origins.map((origin) => prepareAnswers(origin, plan, quizzes)));
  const answer = await timeAlternately(
    origins,
    answers.map((list, server) =>
      list.map(({ attemptId, body, headers }) => () => fetch(origins[server] + answerPath(attemptId), { method: "POST", headers, body })),
    ),
  );
  const results = await timeAlternately(
    origins,
    answers.map((list, server) => [...new Set(list.map((a) => a.attemptId))].map((id) => () => fetch(`${origins[server]}/quiz/results/${id}`))),
  );
  return origins.map((_, server) => ({ answer: answer[server] as Timing, results: results[server] as Timing }));
}

/** @param origins one server per level, each on an empty store of its own */
export async function measureGrowth(origins: string[], log: (message: string) => void): Promise<GrowthLevel[]> {
  const fillSeconds: number[] = [];
  for (const [server, level] of LEVELS.entries()) {
    log(`growth: filling a store with ${level.toLocaleString("en")} finished attempts`);
    fillSeconds.push(await fill(origins[server] as string, level));
  }
  await play(origins, WARM_UP_QUIZZES);
  log(`growth: playing ${QUIZZES} quizzes on each store`);
  const timings = await play(origins, QUIZZES);
  return LEVELS.map((level, server) => ({
    finishedAttempts: level,
    fillSeconds: fillSeconds[server] as number,
    ...(timings[server] as { answer: Timing; results: Timing }),
  }));
}

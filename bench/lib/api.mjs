// @ts-check
import autocannon from "autocannon";
import { answerPath, fullTopic, prepareAnswers } from "./quiz.mjs";

/**
 * Throughput of the answer route next to a no-op route in the same server,
 * at 50 concurrent connections. Every answer request is a different, valid,
 * first answer to its slot: replays or conflicts would be cheaper and unfair.
 * Short rounds alternate between the two routes so that drift on a shared
 * machine hits both alike; each figure is the median over the rounds, and
 * the answer route's share is the median of the rounds' own shares.
 */

const CONNECTIONS = 50;
const ROUNDS = 5;
const PER_ROUND = 3_000;
const WARM_UP = 1_000;

/** @typedef {{ requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; failures: number }} RouteFigures */
/**
 * @typedef {{ answer: RouteFigures; noop: RouteFigures; receive: RouteFigures; shareOfNoop: number; receiveShareOfNoop: number;
 *   rounds: { answer: number; noop: number; receive: number }[]; connections: number }} ApiFigures
 */

/** @param {number[]} values */
const median = (values) => /** @type {number} */ ([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]);

/**
 * @param {string} url
 * @param {number} amount
 * @param {Partial<import("autocannon").Options>} options
 * @returns {Promise<RouteFigures>}
 */
async function load(url, amount, options) {
  // autocannon notices that `amount` requests are done only on its one-second tick, so its
  // `duration` is rounded up to a whole second: up to 20% off for a round of a few seconds.
  // The round's time is taken here instead, from the start to the last response.
  const started = performance.now();
  let lastResponse = started;
  const instance = autocannon({ url, connections: CONNECTIONS, amount, method: "POST", ...options });
  instance.on("response", () => {
    lastResponse = performance.now();
  });
  const result = await instance;
  return {
    requestsPerSecond: result.requests.total / ((lastResponse - started) / 1000),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** @param {RouteFigures[]} rounds @returns {RouteFigures} */
function combine(rounds) {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  };
}

/**
 * @param {string} origin
 * @param {(message: string) => void} log
 * @returns {Promise<ApiFigures>}
 */
export async function measureApi(origin, log) {
  const plan = await fullTopic();
  // Each connection may have one request in flight past `amount`: keep spares.
  const needed = WARM_UP + ROUNDS * PER_ROUND + (ROUNDS + 1) * CONNECTIONS;
  log(`api: starting ${Math.ceil(needed / plan.questions.length)} quizzes on "${plan.topic}" for ${needed} distinct answers`);
  const answers = await prepareAnswers(origin, plan, Math.ceil(needed / plan.questions.length));
  let next = 0;
  const answerOptions = {
    headers: { "content-type": "application/json" },
    requests: [
      {
        /** @param {import("autocannon").Request} request */
        setupRequest: (request) => {
          const answer = answers[next++];
          if (!answer) throw new Error("the bench ran out of prepared answers");
          return { ...request, path: answerPath(answer.attemptId), body: answer.body, headers: answer.headers };
        },
      },
    ],
  };
  const noopUrl = `${origin}/api/bench/noop`;
  const answerUrl = `${origin}/api/quiz/attempts`;
  // The answer requests' own paths and bodies, sent to a route that only receives them.
  let nextReceive = 0;
  const receiveOptions = {
    headers: { "content-type": "application/json" },
    requests: [
      {
        /** @param {import("autocannon").Request} request */
        setupRequest: (request) => {
          const answer = /** @type {import("./quiz.mjs").PreparedAnswer} */ (answers[nextReceive++ % answers.length]);
          return { ...request, path: `/api/bench/receive/${answer.attemptId}`, body: answer.body, headers: answer.headers };
        },
      },
    ],
  };
  log("api: warming up");
  await load(noopUrl, WARM_UP, {});
  await load(origin, WARM_UP, receiveOptions);
  await load(answerUrl, WARM_UP, answerOptions);
  /** @type {RouteFigures[]} */
  const noop = [];
  /** @type {RouteFigures[]} */
  const receive = [];
  /** @type {RouteFigures[]} */
  const answer = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    log(`api: round ${round}/${ROUNDS}`);
    noop.push(await load(noopUrl, PER_ROUND, {}));
    receive.push(await load(origin, PER_ROUND, receiveOptions));
    answer.push(await load(answerUrl, PER_ROUND, answerOptions));
  }
  const rounds = answer.map((figures, i) => ({
    answer: figures.requestsPerSecond,
    noop: noop[i]?.requestsPerSecond ?? NaN,
    receive: receive[i]?.requestsPerSecond ?? NaN,
  }));
  return {
    answer: combine(answer),
    noop: combine(noop),
    receive: combine(receive),
    shareOfNoop: median(rounds.map((round) => round.answer / round.noop)),
    receiveShareOfNoop: median(rounds.map((round) => round.receive / round.noop)),
    rounds,
    connections: CONNECTIONS,
  };
}

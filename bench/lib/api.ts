import autocannon from "autocannon";
import { answerPath, fullTopic, prepareAnswers, type PreparedAnswer } from "./crowd";
import { median } from "./figures";

/**
 * Throughput of the answer route next to a no-op route in the same server,
 * at 50 concurrent connections. Every answer request is a different, valid,
 * first answer to its slot: replays or conflicts would be cheaper and unfair.
 * Short rounds alternate between the two routes so that drift on a shared
 * machine hits both alike; each figure is the median over the rounds, and
 * the answer route's share is the median of the rounds' own shares. The
 * no-op runs again at the end of each round, as a control: its share of
 * the first no-op shows how far one route drifts within a round.
 */

const CONNECTIONS = 50;
const ROUNDS = 5;
const PER_ROUND = 3_000;
const WARM_UP = 1_000;

export interface RouteFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}

export interface ApiFigures {
  answer: RouteFigures;
  noop: RouteFigures;
  receive: RouteFigures;
  noopControl: RouteFigures;
  shareOfNoop: number;
  /** The answer route against the route that receives the same requests and does nothing: the budgeted share. */
  shareOfReceive: number;
  receiveShareOfNoop: number;
  controlShareOfNoop: number;
  rounds: { answer: number; noop: number; receive: number; noopControl: number }[];
  connections: number;
}

type LoadOptions = Partial<autocannon.Options>;

async function load(url: string, amount: number, options: LoadOptions): Promise<RouteFigures> {
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

function combine(rounds: RouteFigures[]): RouteFigures {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  };
}

/**
 * autocannon options that send the prepared answers in turn, each with its own body and headers, to `pathOf(answer)`.
 * Without `reuse`, each answer is sent once (a second time would be a replay, not a first answer).
 */
function sendingAnswers(answers: PreparedAnswer[], pathOf: (answer: PreparedAnswer) => string, { reuse }: { reuse: boolean }): LoadOptions {
  let next = 0;
  return {
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          const answer = answers[reuse ? next++ % answers.length : next++];
          if (!answer) throw new Error("the bench ran out of prepared answers");
          return { ...request, path: pathOf(answer), body: answer.body, headers: answer.headers };
        },
      },
    ],
  };
}

export async function measureApi(origin: string, log: (message: string) => void): Promise<ApiFigures> {
  const plan = fullTopic();
  // Each connection may have one request in flight past `amount`: keep spares.
  const needed = WARM_UP + ROUNDS * PER_ROUND + (ROUNDS + 1) * CONNECTIONS;
  log(`api: starting ${Math.ceil(needed / plan.questions.length)} quizzes on "${plan.topic}" for ${needed} distinct answers`);
  const answers = await prepareAnswers(origin, plan, Math.ceil(needed / plan.questions.length));
  const answerOptions = sendingAnswers(answers, (answer) => answerPath(answer.attemptId), { reuse: false });
  // The answer requests' own paths and bodies, sent to a route that only receives them.
  const receiveOptions = sendingAnswers(answers, (answer) => `/api/bench/receive/${answer.attemptId}`, { reuse: true });
  const noopUrl = `${origin}/api/bench/noop`;
  log("api: warming up");
  await load(noopUrl, WARM_UP, {});
  await load(origin, WARM_UP, receiveOptions);
  await load(origin, WARM_UP, answerOptions);
  const noop: RouteFigures[] = [];
  const receive: RouteFigures[] = [];
  const answer: RouteFigures[] = [];
  const noopControl: RouteFigures[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    log(`api: round ${round}/${ROUNDS}`);
    noop.push(await load(noopUrl, PER_ROUND, {}));
    receive.push(await load(origin, PER_ROUND, receiveOptions));
    answer.push(await load(origin, PER_ROUND, answerOptions));
    noopControl.push(await load(noopUrl, PER_ROUND, {}));
  }
  const rounds = answer.map((figures, i) => ({
    answer: figures.requestsPerSecond,
    noop: noop[i]?.requestsPerSecond ?? NaN,
    receive: receive[i]?.requestsPerSecond ?? NaN,
    noopControl: noopControl[i]?.requestsPerSecond ?? NaN,
  }));
  return {
    answer: combine(answer),
    noop: combine(noop),
    receive: combine(receive),
    noopControl: combine(noopControl),
    shareOfNoop: median(rounds.map((round) => round.answer / round.noop)),
    shareOfReceive: median(rounds.map((round) => round.answer / round.receive)),
    receiveShareOfNoop: median(rounds.map((round) => round.receive / round.noop)),
    controlShareOfNoop: median(rounds.map((round) => round.noopControl / round.noop)),
    rounds,
    connections: CONNECTIONS,
  };
}

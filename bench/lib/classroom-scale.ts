import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { someAnswer } from "../../tests/support/some-answer";
import { startApp, type AppServer } from "./app-server";
import { BENCH_BUILD, SITE_URL } from "./bench-build";
import { classCost, classCostBefore, type ClassCost, type EventCosts } from "./class-cost";
import { act, createLiveSession, hostView, joinStudent, type LiveSession } from "./classroom";
import { addressOf, from } from "./crowd";
import { quantile } from "./figures";
import { mapConcurrent } from "./http-client";
import { startNginx, tallyAccessLog, type Nginx } from "./nginx";
import { PhoneClient, PhoneCrowd } from "./phones";
import { RedisServer } from "./redis";
import { startCounting, storeCounts } from "./store-cost";
import { vercelKvBackend } from "./stores";

/**
 * The live classroom at school scale, through the self-host recipe
 * (deploy/nginx): one redis-server, two `next start` instances of the
 * bench's build on it, and nginx in front. For each class size, the phones
 * join, open the page and follow the class (./phones.ts) while the teacher
 * moves through the questions; the delay from each action to each phone,
 * and what reached the apps and the store meanwhile. Then the same class
 * split across the two instances without nginx (on Redis and on Vercel KV
 * through the Upstash bridge), and the store cost of each kind of event,
 * from which the cost of a whole class is modelled (./class-cost.ts).
 */

export const CLASS_SIZES = [30, 200, 2_000] as const;
/** Questions the teacher moves through per size: start, then close, reveal, next for each (the last without next). */
const QUESTIONS = 5;
/** Phones in the class split across two instances. */
const CROSS_INSTANCE_PHONES = 30;
/** A phone that has not shown an action after this long missed it. */
const GIVE_UP_MS = 15_000;
/** Phones following with no teacher action, for the rate a class costs between events. */
const QUIET_MS = 5_000;
const JOIN_CONCURRENCY = 16;
/** Keep-alive connections from the phones to nginx: plenty for 2,000 polls a second of a few ms each. */
const PHONE_CONNECTIONS = 256;
const COST_SAMPLES = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The phones' and the bench's own figures for one class size through nginx. */
export interface FollowingFigures {
  phones: number;
  /** Phones that could join (the session's seats are CLASSROOM_MAX_PLAYERS). */
  joined: number;
  actions: number;
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  /** Phone × action pairs where the phone had not shown the action within 15 s. */
  missed: number;
  windowSeconds: number;
  /** Everything that reached the two apps (nginx's log: $upstream_addr set), teacher's actions included. */
  appRequestsPerSecond: number;
  liveFillsPerSecond: number;
  /** Both instances' store commands (the counting store). */
  storeCommandsPerSecond: number;
  /** What the phones sent nginx: polls and own-view reads. */
  phoneRequestsPerSecond: number;
  ownViewReads: number;
  pollFailures: number;
  /** The same while the phones only follow (no action): the class's cost between events. */
  quiet: { appRequestsPerSecond: number; storeCommandsPerSecond: number };
  /** Is the load generator keeping up? Polls per phone per second (1 intended, less the poll's own time) and its event loop's lag. */
  loadGenerator: {
    pollsPerPhonePerSecond: number;
    pollP50Ms: number;
    pollP99Ms: number;
    eventLoopP99Ms: number;
    eventLoopMaxMs: number;
    /** The bench process's CPU time over the window, as a share of one core (it runs on one thread). */
    cpuShareOfCore: number;
    /** The machine's 1-minute load average at the end: other work competes for the same cores. */
    loadAverage: number;
  };
}

export interface CrossInstanceFigures {
  store: "redis" | "vercel-kv";
  phones: number;
  actions: number;
  delayP99Ms: number;
  delayMaxMs: number;
  missed: number;
}

export interface ClassroomScaleResults {
  following: FollowingFigures[];
  crossInstance: CrossInstanceFigures[];
  events: EventCosts;
  /** A 20-minute, ten-question class of the smallest and largest size, and of the smallest the old way. */
  classes: ClassCost[];
  before: ClassCost;
}

let teachers = 0;
/** A teacher of its own per session: creating sessions is limited per client. */
const newTeacher = () => from({ address: `198.51.100.${++teachers}` });

/** Two instances on one store, counting their store calls. */
async function startPair(name: string, env: Record<string, string>): Promise<AppServer[]> {
  const servers: AppServer[] = [];
  try {
    for (const side of ["a", "b"]) {
      const server = await startApp({ name: `${name}-${side}`, distDir: BENCH_BUILD.distDir, host: "127.0.0.1", env: { NEXT_PUBLIC_SITE_URL: SITE_URL, ...env }, readyPath: "/api/health" });
      servers.push(server);
      await startCounting(server.url);
    }
    return servers;
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
}

const commandsOf = async (apps: AppServer[]) => (await Promise.all(apps.map((app) => storeCounts(app.url)))).reduce((sum, counts) => sum + counts.commands, 0);

/** Joins `count` phones through `origin`; the ones refused (a full session) are left out. Returns the crowd. */
async function joinClass(origin: string, session: LiveSession, count: number, log: (message: string) => void): Promise<PhoneCrowd> {
  const crowd = new PhoneCrowd(new PhoneClient(origin, PHONE_CONNECTIONS), session.sessionId);
  let refused = "";
  await mapConcurrent(Array.from({ length: count }), JOIN_CONCURRENCY, async (_, seat) => {
    try {
      await crowd.add(seat, await joinStudent(origin, session.sessionId, seat));
    } catch (error) {
      refused ||= String(error).slice(0, 300);
    }
  });
  if (refused) log(`classroom at scale: ${count - crowd.phones.length} of ${count} could not join, e.g. ${refused}`);
  return crowd;
}

/** The teacher's actions, each once every phone shows the last (or 15 s passed); the delays to each phone. */
async function teach(origin: string, session: LiveSession, teacher: Record<string, string>, crowd: PhoneCrowd) {
  const plan = ["start", ...Array.from({ length: QUESTIONS }, (_, q) => (q < QUESTIONS - 1 ? ["close", "reveal", "next"] : ["close", "reveal"])).flat()];
  let version = (await hostView(origin, session, teacher)).version;
  const delays: number[] = [];
  let missed = 0;
  for (const action of plan) {
    version = await act(origin, session, action, version, teacher);
    const returnedAt = performance.now();
    while (crowd.behind(version) > 0 && performance.now() - returnedAt < GIVE_UP_MS) await sleep(50);
    const seen = crowd.delaysTo(version, returnedAt, GIVE_UP_MS);
    delays.push(...seen.delays);
    missed += seen.missed;
    // The next action at a random moment of the cache's second, as a teacher's click would be.
    await sleep(200 + Math.random() * 1_000);
  }
  return { actions: plan.length, delays, missed };
}

/** One class size through nginx. */
async function follow(nginx: Nginx, apps: AppServer[], phones: number, log: (message: string) => void): Promise<FollowingFigures> {
  const teacher = newTeacher();
  const session = await createLiveSession(nginx.url, teacher);
  log(`classroom at scale: ${phones} phones joining through nginx`);
  const crowd = await joinClass(nginx.url, session, phones, log);
  crowd.start();
  try {
    await sleep(3_000);
    const quietFrom = { at: Date.now(), commands: await commandsOf(apps) };
    await sleep(QUIET_MS);
    const quietTo = { at: Date.now(), commands: await commandsOf(apps) };

    log(`classroom at scale: ${crowd.phones.length} phones following, the teacher moves through ${QUESTIONS} questions`);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpuBefore = process.cpuUsage();
    const before = { at: Date.now(), clock: performance.now(), commands: await commandsOf(apps), polls: crowd.tally.polls + crowd.tally.ownReads, ownReads: crowd.tally.ownReads, failures: crowd.tally.failures, latencies: crowd.tally.latencies.length };
    const taught = await teach(nginx.url, session, teacher, crowd);
    const after = { at: Date.now(), clock: performance.now(), commands: await commandsOf(apps), polls: crowd.tally.polls + crowd.tally.ownReads };
    const cpu = process.cpuUsage(cpuBefore);
    lag.disable();
    await crowd.stop();

    await sleep(1_500); // nginx flushes its log every second
    const seconds = (after.clock - before.clock) / 1000;
    const window = await tallyAccessLog(nginx, before.at, after.at);
    const quiet = await tallyAccessLog(nginx, quietFrom.at, quietTo.at);
    const quietSeconds = (quietTo.at - quietFrom.at) / 1000;
    const latencies = crowd.tally.latencies.slice(before.latencies);
    return {
      phones,
      joined: crowd.phones.length,
      actions: taught.actions,
      delayP50Ms: quantile(taught.delays, 0.5),
      delayP99Ms: quantile(taught.delays, 0.99),
      delayMaxMs: Math.max(...taught.delays),
      missed: taught.missed,
      windowSeconds: seconds,
      appRequestsPerSecond: window.reachedApps / seconds,
      liveFillsPerSecond: window.liveFills / seconds,
      storeCommandsPerSecond: (after.commands - before.commands) / seconds,
      phoneRequestsPerSecond: (after.polls - before.polls) / seconds,
      ownViewReads: crowd.tally.ownReads - before.ownReads,
      pollFailures: crowd.tally.failures - before.failures,
      quiet: { appRequestsPerSecond: quiet.reachedApps / quietSeconds, storeCommandsPerSecond: (quietTo.commands - quietFrom.commands) / quietSeconds },
      loadGenerator: {
        pollsPerPhonePerSecond: (after.polls - before.polls) / seconds / Math.max(1, crowd.phones.length),
        pollP50Ms: quantile(latencies, 0.5),
        pollP99Ms: quantile(latencies, 0.99),
        eventLoopP99Ms: lag.percentile(99) / 1e6,
        eventLoopMaxMs: lag.max / 1e6,
        cpuShareOfCore: (cpu.user + cpu.system) / 1e6 / seconds,
        loadAverage: os.loadavg()[0] ?? NaN,
      },
    };
  } finally {
    await crowd.stop();
  }
}

/** The store commands one request costs, summed over every instance (nginx may send it to either). */
async function commandsFor(apps: AppServer[], request: () => Promise<unknown>): Promise<number> {
  const before = await commandsOf(apps);
  await request();
  return (await commandsOf(apps)) - before;
}

/** The body of a 2xx answer; throws with the status otherwise. */
async function ok(response: Promise<Response>): Promise<string> {
  const answered = await response;
  const text = await answered.text();
  if (!answered.ok) throw new Error(`${answered.url} answered ${answered.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Each kind of event once at a time through nginx, on a small class: mean store commands. */
async function measureEvents(nginx: Nginx, apps: AppServer[]): Promise<EventCosts> {
  const origin = nginx.url;
  const teacher = newTeacher();
  const session = await createLiveSession(origin, teacher);
  const samples: Record<keyof EventCosts, number[]> = { join: [], answer: [], ownView: [], hostAction: [], hostRead: [], statePoll: [] };
  // Seats of their own: addresses no class above used.
  const seats = Array.from({ length: COST_SAMPLES }, (_, i) => 50_000 + i);
  const cookies: string[] = [];
  for (const seat of seats) samples.join.push(await commandsFor(apps, async () => cookies.push(await joinStudent(origin, session.sessionId, seat))));
  const studentHeaders = (i: number) => ({ cookie: cookies[i] ?? "", ...from({ address: addressOf(seats[i] ?? 0) }) });
  const ownView = (i: number) => ok(fetch(`${origin}/api/classroom/sessions/${session.sessionId}/state?v=-1`, { headers: studentHeaders(i) }));
  let version = 0;
  for (let i = 0; i < 3; i += 1) samples.hostRead.push(await commandsFor(apps, async () => (version = (await hostView(origin, session, teacher)).version)));
  for (let q = 0; q < 3; q += 1) {
    samples.hostAction.push(await commandsFor(apps, async () => (version = await act(origin, session, q === 0 ? "start" : "next", version, teacher))));
    for (let i = 0; i < cookies.length; i += 1) {
      const view = JSON.parse(await ownView(i)) as { question: Parameters<typeof someAnswer>[0] | null; version: number };
      if (!view.question) throw new Error("the question is not open on a student's phone");
      const body = JSON.stringify({ questionId: view.question.id, answer: someAnswer(view.question) });
      const headers = { ...studentHeaders(i), "content-type": "application/json" };
      samples.answer.push(await commandsFor(apps, () => ok(fetch(`${origin}/api/classroom/sessions/${session.sessionId}/answers`, { method: "POST", headers, body }))));
      samples.statePoll.push(await commandsFor(apps, () => ok(fetch(`${origin}/api/classroom/sessions/${session.sessionId}/state?v=${view.version}`, { headers: studentHeaders(i) }))));
    }
    for (const action of ["close", "reveal"]) samples.hostAction.push(await commandsFor(apps, async () => (version = await act(origin, session, action, version, teacher))));
    // After the reveal each phone reads its own view once: its points are its own.
    for (let i = 0; i < cookies.length; i += 1) samples.ownView.push(await commandsFor(apps, () => ownView(i)));
  }
  const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
  return Object.fromEntries(Object.entries(samples).map(([event, list]) => [event, mean(list)])) as unknown as EventCosts;
}

/** The class split across two instances: the teacher on one, the phones polling the other directly. */
async function crossInstance(store: CrossInstanceFigures["store"], apps: AppServer[], log: (message: string) => void): Promise<CrossInstanceFigures> {
  const [teacherSide, phoneSide] = apps as [AppServer, AppServer];
  const teacher = newTeacher();
  const session = await createLiveSession(teacherSide.url, teacher);
  log(`classroom at scale: ${CROSS_INSTANCE_PHONES} phones on one instance, the teacher on the other (${store})`);
  const crowd = await joinClass(phoneSide.url, session, CROSS_INSTANCE_PHONES, log);
  crowd.start();
  try {
    await sleep(2_000);
    const taught = await teach(teacherSide.url, session, teacher, crowd);
    const row = { store, phones: crowd.phones.length, actions: taught.actions, delayP99Ms: quantile(taught.delays, 0.99), delayMaxMs: Math.max(...taught.delays), missed: taught.missed };
    log(`classroom at scale: ${JSON.stringify(row)}`);
    return row;
  } finally {
    await crowd.stop();
  }
}

/** Everything above; needs redis-server and nginx (the caller checks). */
export async function measureClassroomScale(log: (message: string) => void): Promise<ClassroomScaleResults> {
  const redis = await RedisServer.start({ durable: false });
  try {
    const following: FollowingFigures[] = [];
    let events: EventCosts;
    // Behind nginx each phone's address is the entry before nginx's own: the bench's phones stand in for a proxy hop.
    const apps = await startPair("scale", { REDIS_URL: redis.url, TRUSTED_PROXY_HOPS: "2", CLASSROOM_MAX_PLAYERS: String(Math.max(...CLASS_SIZES)) });
    try {
      const nginx = await startNginx("scale", apps.map((app) => new URL(app.url).host));
      try {
        for (const phones of CLASS_SIZES) {
          const row = await follow(nginx, apps, phones, log);
          log(`classroom at scale: ${JSON.stringify(row)}`);
          following.push(row);
        }
        log("classroom at scale: the store cost of each event");
        events = await measureEvents(nginx, apps);
      } finally {
        await nginx.stop();
      }
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }

    const crossInstanceFigures: CrossInstanceFigures[] = [];
    const onRedis = await startPair("cross-redis", { REDIS_URL: redis.url });
    try {
      crossInstanceFigures.push(await crossInstance("redis", onRedis, log));
    } finally {
      await Promise.all(onRedis.map((app) => app.stop()));
    }
    const kv = await vercelKvBackend(redis);
    try {
      if (kv.config.kind !== "vercel-kv") throw new Error("vercelKvBackend gave no Vercel KV configuration");
      const onKv = await startPair("cross-kv", { KV_REST_API_URL: kv.config.url, KV_REST_API_TOKEN: kv.config.token });
      try {
        crossInstanceFigures.push(await crossInstance("vercel-kv", onKv, log));
      } finally {
        await Promise.all(onKv.map((app) => app.stop()));
      }
    } finally {
      await kv.close();
    }

    const smallest = following[0];
    const largest = following[following.length - 1];
    const classes = [smallest, largest].filter((row) => row !== undefined).map((row) => classCost(row.phones, row.quiet, events));
    return { following, crossInstance: crossInstanceFigures, events, classes, before: classCostBefore(CLASS_SIZES[0], events) };
  } finally {
    await redis.stop();
  }
}

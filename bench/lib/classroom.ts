import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./app-server";
import { quantile } from "./figures";
import { addressOf, from } from "./crowd";
import { mapConcurrent } from "./http-client";

/**
 * A live class session over HTTP, as the teacher's and students' pages
 * drive it: the teacher creates it and paces it; each student polls its
 * state once a second (one request at a time, the next a second after the
 * last answer, as components/classroom/use-polling.ts does).
 */

const STUDENTS = 200;
const POLL_INTERVAL_MS = 1_000;
const QUESTIONS = 5;
/** A transition some student has not seen after this long is reported as missed. */
const GIVE_UP_MS = 15_000;

/** The classroom routes the bench drives; until they all exist, its classroom figures are pending. */
const CLASSROOM_ROUTES = [
  "app/api/classroom/sessions/route.ts",
  "app/api/classroom/sessions/[sessionId]/players/route.ts",
  "app/api/classroom/sessions/[sessionId]/state/route.ts",
  "app/api/classroom/sessions/[sessionId]/host/actions/route.ts",
  "app/classroom/join/page.tsx",
  "app/classroom/host/[sessionId]/page.tsx",
];

/** Routes the bench needs that do not exist (yet). */
export function missingClassroomRoutes(): string[] {
  return CLASSROOM_ROUTES.filter((file) => !existsSync(path.join(ROOT, file)));
}

/** The `name=value` part of the Set-Cookie header that sets `prefix…`. */
function cookieFrom(response: Response, prefix: string): string {
  const header = response.headers.getSetCookie().find((value) => value.startsWith(prefix));
  if (!header) throw new Error(`${response.url} set no ${prefix}… cookie`);
  return header.split(";")[0] ?? "";
}

async function post(url: string, body: unknown, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

export interface LiveSession {
  sessionId: string;
  code: string;
  hostCookie: string;
}

/** A live session, through the route a teacher's form posts to. */
export async function createLiveSession(origin: string): Promise<LiveSession> {
  const response = await post(`${origin}/api/classroom/sessions`, { length: 10, mode: "live" });
  const { sessionId, code } = (await response.json()) as { sessionId: string; code: string };
  return { sessionId, code, hostCookie: cookieFrom(response, "classroom_host_") };
}

/**
 * Joins one student with a generated nickname; returns the player cookie.
 * Each from an address of its own (./crowd.ts): 200 joins from one address
 * would mostly wait for the teacher (lib/classroom/waiting-room.ts).
 */
export async function joinStudent(origin: string, sessionId: string, seat: number): Promise<string> {
  return cookieFrom(await post(`${origin}/api/classroom/sessions/${sessionId}/players`, {}, undefined, from({ address: addressOf(seat) })), "classroom_player_");
}

/**
 * One poll, as the student's page sends it.
 * @param version the version the phone shows (-1: none yet)
 */
export async function poll(origin: string, sessionId: string, cookie: string, version: number): Promise<{ version: number; changed: boolean }> {
  const response = await fetch(`${origin}/api/classroom/sessions/${sessionId}/state?v=${version}`, { headers: { cookie } });
  const body = (await response.json()) as { version: number; changed?: boolean };
  if (!response.ok) throw new Error(`poll answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { version: body.version, changed: body.changed !== false };
}

/** A teacher's action; returns the session's new version. */
async function act(origin: string, session: LiveSession, action: string, version: number): Promise<number> {
  const response = await post(`${origin}/api/classroom/sessions/${session.sessionId}/host/actions`, { action, version }, session.hostCookie);
  return ((await response.json()) as { version: number }).version;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ClassroomFigures {
  students: number;
  transitions: number;
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  missed: number;
  pollsPerSecond: number;
  pollP50Ms: number;
  pollP99Ms: number;
  pollFailures: number;
}

export async function measureClassroom(origin: string, log: (message: string) => void): Promise<ClassroomFigures> {
  const session = await createLiveSession(origin);
  log(`classroom: ${STUDENTS} students joining`);
  const cookies = await mapConcurrent(Array.from({ length: STUDENTS }), 10, (_, seat) => joinStudent(origin, session.sessionId, seat));

  /** The version each student's phone shows, and when it first showed each version. */
  const shown = cookies.map(() => ({ version: -1, seenAt: new Map<number, number>() }));
  const pollLatencies: number[] = [];
  let pollFailures = 0;
  let polling = true;
  const students = cookies.map(async (cookie, i) => {
    const phone = shown[i] as (typeof shown)[number];
    await sleep(Math.random() * POLL_INTERVAL_MS); // phones do not open the page in the same millisecond
    while (polling) {
      const started = performance.now();
      try {
        const result = await poll(origin, session.sessionId, cookie, phone.version);
        pollLatencies.push(performance.now() - started);
        if (result.changed && result.version > phone.version) {
          phone.version = result.version;
          phone.seenAt.set(result.version, performance.now());
        }
      } catch {
        pollFailures += 1;
      }
      await sleep(POLL_INTERVAL_MS);
    }
  });

  const waitUntilAllSee = async (version: number, since: number) => {
    while (performance.now() - since < GIVE_UP_MS && shown.some((phone) => phone.version < version)) await sleep(50);
  };

  await sleep(3 * POLL_INTERVAL_MS);
  const pollingFrom = performance.now();
  const pollsBefore = pollLatencies.length;
  const delays: number[] = [];
  let missed = 0;
  let version = (await poll(origin, session.sessionId, cookies[0] ?? "", -1)).version;
  for (let question = 0; question < QUESTIONS; question += 1) {
    if (question > 0) {
      version = await act(origin, session, "close", version);
      await waitUntilAllSee(version, performance.now());
    }
    log(`classroom: question ${question + 1}/${QUESTIONS}`);
    const clicked = performance.now();
    version = await act(origin, session, question === 0 ? "start" : "next", version);
    await waitUntilAllSee(version, clicked);
    for (const phone of shown) {
      const seenAt = [...phone.seenAt].find(([seen]) => seen >= version)?.[1];
      if (seenAt === undefined) missed += 1;
      else delays.push(seenAt - clicked);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  const seconds = (performance.now() - pollingFrom) / 1000;
  const polls = pollLatencies.length - pollsBefore;
  polling = false;
  await Promise.all(students);
  return {
    students: STUDENTS,
    transitions: QUESTIONS,
    delayP50Ms: quantile(delays, 0.5),
    delayP99Ms: quantile(delays, 0.99),
    delayMaxMs: Math.max(...delays),
    missed,
    pollsPerSecond: polls / seconds,
    pollP50Ms: quantile(pollLatencies, 0.5),
    pollP99Ms: quantile(pollLatencies, 0.99),
    pollFailures,
  };
}

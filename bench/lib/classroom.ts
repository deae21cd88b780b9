import { existsSync } from "node:fs";
import path from "node:path";
import type { HostView } from "@/lib/classroom/views";
import { ROOT } from "./app-server";
import { addressOf, from } from "./crowd";

/**
 * A live class session over HTTP, as the teacher's and students' pages
 * drive it: the teacher creates it and paces it, students join. How the
 * phones then follow it is ./phones.ts; the classroom at scale is
 * ./classroom-scale.ts.
 */

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

/** A live session, through the route a teacher's form posts to; `headers` say where the teacher is (./crowd.ts `from`). */
export async function createLiveSession(origin: string, headers: Record<string, string> = {}): Promise<LiveSession> {
  const response = await post(`${origin}/api/classroom/sessions`, { length: 10, mode: "live" }, undefined, headers);
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
export async function act(origin: string, session: LiveSession, action: string, version: number, headers: Record<string, string> = {}): Promise<number> {
  const response = await post(`${origin}/api/classroom/sessions/${session.sessionId}/host/actions`, { action, version }, session.hostCookie, headers);
  return ((await response.json()) as HostView).version;
}

/** The teacher's screen reads its view (the projector's poll). */
export async function hostView(origin: string, session: LiveSession, headers: Record<string, string> = {}): Promise<HostView> {
  const response = await fetch(`${origin}/api/classroom/sessions/${session.sessionId}/host/state`, { headers: { cookie: session.hostCookie, ...headers } });
  if (!response.ok) throw new Error(`host/state answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as HostView;
}

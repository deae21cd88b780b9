import { OUTAGE_COPY } from "@/lib/http/outage-copy";
import { securityHeaderProblems } from "../../tests/support/security-headers";
import { createLiveSession, joinStudent } from "./classroom";
import { answersFor, fullTopic, newPlayerHeaders, startFullAttempt } from "./crowd";

/**
 * The pages that need the store, one of each kind, with the cookies a
 * reader of each has: a finished quiz's results, a class session's
 * student and teacher pages. Fetched as a browser without JavaScript
 * would: a plain GET, redirects not followed.
 */

export interface StorePage {
  kind: string;
  path: string;
  cookie?: string;
}

export async function storePages(origin: string): Promise<StorePage[]> {
  const plan = fullTopic();
  const headers = newPlayerHeaders();
  const attemptId = await startFullAttempt(origin, plan, headers);
  for (const answer of answersFor(attemptId, plan, headers)) {
    const response = await fetch(`${origin}/api/quiz/attempts/${attemptId}/answers`, { method: "POST", headers: answer.headers, body: answer.body });
    if (!response.ok) throw new Error(`an answer was refused: ${response.status} ${await response.text()}`);
  }
  const session = await createLiveSession(origin);
  const player = await joinStudent(origin, session.sessionId, 0);
  const host = `/classroom/host/${session.sessionId}`;
  return [
    { kind: "quiz", path: "/quiz" },
    { kind: "results", path: `/quiz/results/${attemptId}` },
    { kind: "leaderboard", path: "/quiz/leaderboard" },
    { kind: "join", path: `/classroom/join?code=${session.code}` },
    { kind: "play", path: `/classroom/play/${session.sessionId}`, cookie: player },
    { kind: "projector", path: host, cookie: session.hostCookie },
    { kind: "dashboard", path: `${host}/dashboard`, cookie: session.hostCookie },
    { kind: "follow-up", path: `${host}/follow-up`, cookie: session.hostCookie },
  ];
}

export interface PageVisit {
  kind: string;
  status: number;
  ms: number;
  headers: Headers;
  body: string;
}

export async function visit(origin: string, page: StorePage): Promise<PageVisit> {
  const started = performance.now();
  const response = await fetch(origin + page.path, { redirect: "manual", headers: page.cookie ? { cookie: page.cookie } : {} });
  const body = await response.text();
  return { kind: page.kind, status: response.status, ms: performance.now() - started, headers: response.headers, body };
}

/** The message in the site's layout: its header and navigation, the words, a "try again" link to the same address. */
export const readsAsOutage = (body: string): boolean =>
  body.includes('class="site-header"') && body.includes('aria-label="Main"') && body.includes(OUTAGE_COPY.title) && body.includes(`href="">${OUTAGE_COPY.retry}</a>`);

/** What an outage answer lacks: 503, Retry-After, no-store, the readable message, the security headers. */
export function outageProblems(seen: PageVisit): string[] {
  const problems: string[] = [];
  if (seen.status !== 503) problems.push(`status ${seen.status}`);
  if (!/^\d+$/.test(seen.headers.get("retry-after") ?? "")) problems.push("no Retry-After");
  if (!(seen.headers.get("cache-control") ?? "").includes("no-store")) problems.push(`Cache-Control: ${seen.headers.get("cache-control")}`);
  if (!readsAsOutage(seen.body)) problems.push(`body is not the message in the layout (${seen.body.length} characters)`);
  problems.push(...securityHeaderProblems(seen.headers, "page"));
  return problems.map((problem) => `${seen.kind}: ${problem}`);
}

import { createLiveSession } from "./classroom";
import { answersFor, fullTopic, newPlayerHeaders, startFullAttempt } from "./crowd";
import { mapConcurrent } from "./http-client";
import type { PageSpec } from "./report";

/**
 * The pages the browser measurements load, one per page type, with their
 * budget class. The data they need (a quiz in progress, a finished one, a
 * class session) is created through the public routes first.
 */

export type Target = PageSpec & { url: string; indexable: boolean; cookie?: string };

/** The first sitemap entry under `prefix`, so the bench follows content renames. */
async function fromSitemap(origin: string, prefix: string): Promise<string> {
  const xml = await (await fetch(`${origin}/sitemap.xml`)).text();
  const path = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname).find((p) => p.startsWith(prefix));
  if (!path) throw new Error(`the sitemap lists no page under ${prefix}`);
  return path;
}

/** Whether search engines may index the page: no robots noindex, and not disallowed in robots.txt. */
async function indexable(origin: string, path: string, cookie: string | undefined): Promise<boolean> {
  const html = await (await fetch(origin + path, { headers: cookie ? { cookie } : {} })).text();
  const robots = await (await fetch(`${origin}/robots.txt`)).text();
  const disallowed = [...robots.matchAll(/^Disallow:\s*(\S+)/gim)].some((match) => path.startsWith(match[1] ?? "\u0000"));
  return !/<meta name="robots" content="[^"]*noindex/.test(html) && !disallowed;
}

export async function pageTargets(origin: string, options: { classroom: boolean }): Promise<Target[]> {
  const plan = fullTopic();
  const playing = await startFullAttempt(origin, plan, newPlayerHeaders());
  const player = newPlayerHeaders();
  const finished = await startFullAttempt(origin, plan, player);
  await mapConcurrent(answersFor(finished, plan, player), 1, async ({ attemptId, body, headers }) => {
    const response = await fetch(`${origin}/api/quiz/attempts/${attemptId}/answers`, { method: "POST", headers, body });
    if (!response.ok) throw new Error(`answering for the results page failed: ${response.status}`);
  });
  const targets: Omit<Target, "indexable">[] = [
    { name: "home", label: "Home", url: "/", budget: null },
    { name: "timeline", label: "Timeline", url: "/timeline", budget: "content" },
    { name: "explainer", label: "Explainer", url: await fromSitemap(origin, "/explainers/"), budget: "content" },
    { name: "question", label: "Quiz question", url: `/quiz/play/${playing}`, budget: "quiz" },
    { name: "results", label: "Quiz results", url: `/quiz/results/${finished}`, budget: "quiz" },
  ];
  if (options.classroom) {
    const session = await createLiveSession(origin);
    targets.push(
      { name: "classroomJoin", label: "Classroom join (link from the QR code)", url: `/classroom/join?code=${session.code}`, budget: "quiz" },
      { name: "projector", label: "Classroom projector", url: `/classroom/host/${session.sessionId}`, budget: "quiz", cookie: session.hostCookie },
    );
  }
  return Promise.all(
    targets.map(async (target) => ({ ...target, indexable: await indexable(origin, target.url, target.cookie), url: origin + target.url })),
  );
}

// @ts-check
import { createLiveSession } from "./classroom.mjs";
import { answersFor, fullTopic, mapConcurrent, newPlayerHeaders, startFullAttempt } from "./quiz.mjs";

/**
 * The pages the browser measurements load, one per page type, with their
 * budget class. The data they need (a quiz in progress, a finished one, a
 * class session) is created through the public routes first.
 */

/** @typedef {import("./report.mjs").PageSpec & { url: string; indexable: boolean; cookie?: string }} Target */

/**
 * The first sitemap entry under `prefix`, so the bench follows content renames.
 * @param {string} origin
 * @param {string} prefix
 */
async function fromSitemap(origin, prefix) {
  const xml = await (await fetch(`${origin}/sitemap.xml`)).text();
  const path = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname).find((p) => p.startsWith(prefix));
  if (!path) throw new Error(`the sitemap lists no page under ${prefix}`);
  return path;
}

/**
 * Whether search engines may index the page: no robots noindex, and not disallowed in robots.txt.
 * @param {string} origin
 * @param {string} path
 * @param {string | undefined} cookie
 */
async function indexable(origin, path, cookie) {
  const html = await (await fetch(origin + path, { headers: cookie ? { cookie } : {} })).text();
  const robots = await (await fetch(`${origin}/robots.txt`)).text();
  const disallowed = [...robots.matchAll(/^Disallow:\s*(\S+)/gim)].some((match) => path.startsWith(match[1] ?? "\u0000"));
  return !/<meta name="robots" content="[^"]*noindex/.test(html) && !disallowed;
}

/**
 * @param {string} origin
 * @param {{ classroom: boolean }} options
 * @returns {Promise<Target[]>}
 */
export async function pageTargets(origin, options) {
  const plan = await fullTopic();
  const playing = await startFullAttempt(origin, plan, newPlayerHeaders());
  const player = newPlayerHeaders();
  const finished = await startFullAttempt(origin, plan, player);
  await mapConcurrent(answersFor(finished, plan, player), 1, async ({ attemptId, body, headers }) => {
    const response = await fetch(`${origin}/api/quiz/attempts/${attemptId}/answers`, { method: "POST", headers, body });
    if (!response.ok) throw new Error(`answering for the results page failed: ${response.status}`);
  });
  /** @type {Omit<Target, "indexable">[]} */
  const targets = [
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

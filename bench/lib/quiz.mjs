// @ts-check
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./processes.mjs";

/**
 * Playing the quiz over HTTP, as a browser's script does. A quiz on one
 * topic asking for more questions than the topic has holds all of them, so
 * the bench knows every question of such an attempt from the bank files —
 * without reading the attempt — and can prepare one valid answer per slot.
 */

/** @typedef {{ id: string; kind: "single" | "true-false" | "order" | "who-said"; topics: string[]; options?: { id: string }[]; items?: { id: string }[] }} BankQuestion */
/** @typedef {{ attemptId: string; questionId: string; body: string; headers: Record<string, string> }} PreparedAnswer */

const LONGEST_QUIZ = 20;

/** @returns {Promise<BankQuestion[]>} */
async function readBank() {
  const dir = path.join(ROOT, "content", "quiz");
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const lists = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8"))));
  return lists.flat();
}

/**
 * Any answer the question accepts (right or wrong does not change the cost).
 * @param {BankQuestion} question
 * @returns {string | string[]}
 */
function someAnswer(question) {
  switch (question.kind) {
    case "true-false":
      return "true";
    case "order":
      return (question.items ?? []).map((item) => item.id);
    default:
      return question.options?.[0]?.id ?? "";
  }
}

/**
 * The topic with the most questions that one quiz can still hold entirely.
 * @returns {Promise<{ topic: string; questions: BankQuestion[] }>}
 */
export async function fullTopic() {
  const bank = await readBank();
  /** @type {Map<string, BankQuestion[]>} */
  const byTopic = new Map();
  for (const question of bank) {
    for (const topic of question.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), question]);
  }
  const fitting = [...byTopic].filter(([, questions]) => questions.length <= LONGEST_QUIZ);
  fitting.sort((a, b) => b[1].length - a[1].length);
  const best = fitting[0];
  if (!best) throw new Error(`no topic has ${LONGEST_QUIZ} questions or fewer: the bench cannot know an attempt's questions`);
  return { topic: best[0], questions: best[1] };
}

let players = 0;

/**
 * Headers of a request from a new player on a network of their own. The
 * rate limits count per client address (lib/rate-limit.ts reads the last
 * X-Forwarded-For entry), so the bench plays a crowd, as in real life, not
 * one machine sending a school's worth of quizzes.
 * @returns {Record<string, string>}
 */
export function newPlayerHeaders() {
  const n = players++;
  return { "content-type": "application/json", "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/**
 * POSTs JSON and returns the parsed reply; throws with the status and body otherwise.
 * @param {string} url
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export async function postJson(url, body, headers = { "content-type": "application/json" }) {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * Starts one quiz on a topic through the public route and checks it holds every question of the topic.
 * @param {string} origin
 * @param {{ topic: string; questions: BankQuestion[] }} plan
 * @param {Record<string, string>} headers the player's (newPlayerHeaders)
 * @returns {Promise<string>} the attempt id
 */
export async function startFullAttempt(origin, plan, headers) {
  const started = await postJson(`${origin}/api/quiz/attempts`, { length: LONGEST_QUIZ, topic: plan.topic }, headers);
  if (started.length !== plan.questions.length) {
    throw new Error(`a "${plan.topic}" quiz holds ${started.length} questions, not all ${plan.questions.length}: is the bank being edited?`);
  }
  return started.attemptId;
}

/**
 * The answer requests for one attempt: one per question, each valid once.
 * @param {string} attemptId
 * @param {{ questions: BankQuestion[] }} plan
 * @param {Record<string, string>} headers the player's (newPlayerHeaders)
 * @returns {PreparedAnswer[]}
 */
export function answersFor(attemptId, plan, headers) {
  return plan.questions.map((question) => ({
    attemptId,
    questionId: question.id,
    body: JSON.stringify({ questionId: question.id, answer: someAnswer(question) }),
    headers,
  }));
}

/** @param {string} attemptId */
export const answerPath = (attemptId) => `/api/quiz/attempts/${attemptId}/answers`;

/**
 * Runs `task` over `items` with at most `concurrency` at a time, keeping the order of results.
 * @template T, R
 * @param {T[]} items
 * @param {number} concurrency
 * @param {(item: T, index: number) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function mapConcurrent(items, concurrency, task) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(/** @type {T} */ (items[index]), index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Starts `count` full-topic attempts and returns every answer request they allow, attempt after attempt.
 * @param {string} origin
 * @param {{ topic: string; questions: BankQuestion[] }} plan
 * @param {number} count
 */
export async function prepareAnswers(origin, plan, count) {
  const players = Array.from({ length: count }, newPlayerHeaders);
  const ids = await mapConcurrent(players, 8, (headers) => startFullAttempt(origin, plan, headers));
  return ids.flatMap((id, i) => answersFor(id, plan, /** @type {Record<string, string>} */ (players[i])));
}

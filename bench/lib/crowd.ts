import { randomUUID } from "node:crypto";
import { loadBank } from "@/lib/questions/bank";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { createQuizService } from "@/lib/quiz";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";
import type { Store } from "@/lib/store";
import { mapConcurrent, type LoadClient, type Sent } from "./http-client";
import { someAnswer } from "../../tests/support/some-answer";

/**
 * The players every entry plays with, over HTTP as the browser's script
 * would: start an attempt, answer its questions, open the results. Each
 * player is a separate client with an address of its own (the
 * X-Forwarded-For entry it sends, which the bench's servers trust as one
 * proxy hop: TRUSTED_PROXY_HOPS=1 in ./app-server.ts), so per-client rate
 * limits see a crowd, as in real life, not one machine sending a school's
 * worth of quizzes.
 */

/** A player's address: one per seat, as on a mobile network. */
export const addressOf = (seat: number) => `10.${(seat >> 16) & 255}.${(seat >> 8) & 255}.${seat & 255}`;

/** Headers of a request from this player. */
export const from = (player: { address: string }, extra: Record<string, string> = {}) => ({
  "x-forwarded-for": player.address,
  ...extra,
});

/* Answers with known outcomes, so the expected totals are known before anything is sent. */

/** Right for two players in three (by seat and question), so every question gets both kinds. */
export const answersRight = (seat: number, question: number) => (seat + question) % 3 !== 0;

/** The right answer, or a wrong one of the same shape. */
export function answerFor(question: Question, right: boolean): string | string[] {
  const key = answerKey(question);
  if (right) return key;
  if (Array.isArray(key)) return [...key].reverse();
  if (question.kind === "true-false") return key === "true" ? "false" : "true";
  const options = question.kind === "single" || question.kind === "who-said" ? question.options : [];
  return options.find((option) => option.id !== key)?.id ?? key;
}

/*
 * The load and chaos runs: a crowd of 10-question quizzes on the whole
 * bank, every answer planned and checked against the store afterwards.
 */

export const QUIZ_LENGTH = 10;

export interface Player {
  seat: number;
  address: string;
  attemptId: string;
  questions: Question[];
}

export interface PlannedAnswer {
  player: Player;
  question: Question;
  answer: string | string[];
  right: boolean;
  /** Sent twice at once (a double tap): must be counted once. */
  doubleTap: boolean;
  /** One key per answer, the same on every copy and retry of it. */
  idempotencyKey: string;
}

/**
 * Starts one attempt per player over HTTP, `waves` at a time. The
 * questions drawn are then read from the store: the API answers the
 * start with the attempt id only (the play page shows one question at a
 * time), and the script must know every question to plan its answers.
 */
export async function enrol(
  client: LoadClient,
  deps: { store: Store; bank: QuestionBank },
  count: number,
  waves: number,
): Promise<{ players: Player[]; starts: Sent[] }> {
  const addresses = Array.from({ length: count }, (_, seat) => addressOf(seat));
  const starts = await mapConcurrent(addresses, waves, (address) =>
    client.send("POST", "/api/quiz/attempts", { json: { length: QUIZ_LENGTH }, headers: from({ address }) }),
  );
  const quiz = createQuizService(deps);
  const players = await mapConcurrent(starts, waves, async (start, seat): Promise<Player | null> => {
    if (start.status !== 201) return null;
    const { attemptId } = JSON.parse(start.body) as { attemptId: string };
    const view = await quiz.getAttempt(attemptId);
    const questions = view.questions.map(({ question }) => deps.bank.get(question.id)).filter((q) => q !== undefined);
    return { seat, address: addresses[seat] ?? "", attemptId, questions };
  });
  return { players: players.filter((player) => player !== null), starts };
}

/** Every question of every player, right or wrong by a fixed pattern; one player in twenty double-taps the first. */
export function planAnswers(players: readonly Player[]): PlannedAnswer[] {
  return players.flatMap((player) =>
    player.questions.map((question, index) => {
      const right = answersRight(player.seat, index);
      return {
        player,
        question,
        answer: answerFor(question, right),
        right,
        doubleTap: index === 0 && player.seat % 20 === 0,
        idempotencyKey: randomUUID(),
      };
    }),
  );
}

export const answerPath = (attemptId: string) => `/api/quiz/attempts/${attemptId}/answers`;

/** One submission of a planned answer. */
function submit(client: LoadClient, plan: PlannedAnswer): Promise<Sent> {
  return client.send("POST", answerPath(plan.player.attemptId), {
    json: { questionId: plan.question.id, answer: plan.answer },
    headers: from(plan.player, { "idempotency-key": plan.idempotencyKey }),
  });
}

/** `copies` of a planned answer at once (two for a double tap); adds it to `acknowledged` on a 200. */
export async function submitPlan(
  client: LoadClient,
  plan: PlannedAnswer,
  acknowledged: Set<PlannedAnswer>,
  copies = plan.doubleTap ? 2 : 1,
): Promise<Sent[]> {
  const sent = await Promise.all(Array.from({ length: copies }, () => submit(client, plan)));
  if (sent.some((s) => s.status === 200)) acknowledged.add(plan);
  return sent;
}

/**
 * What the page's script does with a failed answer: wait for the longest
 * Retry-After seen, send it again with the same idempotency key, and
 * repeat for up to `rounds` rounds. A retry of an answer that was in fact
 * stored comes back as a replay, counted once.
 */
export async function retryUnacknowledged(
  client: LoadClient,
  run: { plans: readonly PlannedAnswer[]; acknowledged: Set<PlannedAnswer>; sent: readonly Sent[] },
  options: { rounds: number; inFlight: number },
): Promise<Sent[]> {
  const retries: Sent[] = [];
  for (let round = 0; round < options.rounds && run.acknowledged.size < run.plans.length; round += 1) {
    const wait = Math.max(1, ...[...run.sent, ...retries].map((s) => Number(s.retryAfter ?? 0)));
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    const pending = run.plans.filter((plan) => !run.acknowledged.has(plan));
    const resent = await mapConcurrent(pending, options.inFlight, (plan) => submitPlan(client, plan, run.acknowledged, 1));
    retries.push(...resent.flat());
  }
  return retries;
}

/**
 * Opens every player's results page, `waves` at a time (the first view
 * counts the score into the distribution); the double-tappers open it
 * twice at once. Returns each player's views.
 */
export async function openResults(client: LoadClient, players: readonly Player[], waves: number): Promise<Sent[][]> {
  const view = (player: Player) => client.send("GET", `/quiz/results/${player.attemptId}`, { headers: from(player) });
  return mapConcurrent(players, waves, (player) => Promise.all(player.seat % 20 === 0 ? [view(player), view(player)] : [view(player)]));
}

/*
 * The benchmark: quizzes whose every question it knows without reading
 * the store (its servers may be on a Redis it does not hold open). A quiz
 * on one topic asking for more questions than the topic has holds all of
 * them, so one valid answer per slot can be prepared from the bank alone.
 */

const LONGEST_QUIZ = 20;

export interface TopicPlan {
  topic: string;
  questions: Question[];
}

export interface PreparedAnswer {
  attemptId: string;
  questionId: string;
  body: string;
  headers: Record<string, string>;
}

let seats = 0;

/** Headers of a request from a new player, with an address no other player of this run has. */
export function newPlayerHeaders(): Record<string, string> {
  return { "content-type": "application/json", ...from({ address: addressOf(seats++) }) };
}

/** The topic with the most questions that one quiz can still hold entirely. */
export function fullTopic(): TopicPlan {
  const byTopic = new Map<string, Question[]>();
  for (const question of loadBank().list()) {
    for (const topic of question.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), question]);
  }
  const fitting = [...byTopic].filter(([, questions]) => questions.length <= LONGEST_QUIZ);
  fitting.sort((a, b) => b[1].length - a[1].length);
  const best = fitting[0];
  if (!best) throw new Error(`no topic has ${LONGEST_QUIZ} questions or fewer: the bench cannot know an attempt's questions`);
  return { topic: best[0], questions: best[1] };
}

/** POSTs JSON and returns the parsed reply; throws with the status and body otherwise. */
export async function postJson<T = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }): Promise<T> {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Starts one quiz on a topic through the public route and checks it holds every question of the topic; returns its id. */
export async function startFullAttempt(origin: string, plan: TopicPlan, headers: Record<string, string>): Promise<string> {
  const started = await postJson<{ attemptId: string; length: number }>(`${origin}/api/quiz/attempts`, { length: LONGEST_QUIZ, topic: plan.topic }, headers);
  if (started.length !== plan.questions.length) {
    throw new Error(`a "${plan.topic}" quiz holds ${started.length} questions, not all ${plan.questions.length}: is the bank being edited?`);
  }
  return started.attemptId;
}

/** The answer requests for one attempt: one per question, each valid once. */
export function answersFor(attemptId: string, plan: TopicPlan, headers: Record<string, string>): PreparedAnswer[] {
  return plan.questions.map((question) => ({
    attemptId,
    questionId: question.id,
    body: JSON.stringify({ questionId: question.id, answer: someAnswer(question) }),
    headers,
  }));
}

/** Starts `count` full-topic attempts and returns every answer request they allow, attempt after attempt. */
export async function prepareAnswers(origin: string, plan: TopicPlan, count: number): Promise<PreparedAnswer[]> {
  const players = Array.from({ length: count }, newPlayerHeaders);
  const ids = await mapConcurrent(players, 8, (headers) => startFullAttempt(origin, plan, headers));
  return ids.flatMap((id, i) => answersFor(id, plan, players[i] ?? {}));
}

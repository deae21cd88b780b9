import { randomUUID } from "node:crypto";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { quizKeys } from "@/lib/quiz/keys";
import { createQuizService } from "@/lib/quiz";
import type { Question } from "@/lib/questions/schemas";
import { op, type Store } from "@/lib/store";
import { answerFor, answersRight } from "./answers";
import { inWaves, type LoadClient, type Sent } from "./http-client";

/**
 * A crowd of quiz players over HTTP, as the browser's script would play:
 * start an attempt, answer its questions, open the results. Each player
 * is a separate client (its own X-Forwarded-For address), so per-client
 * rate limits see a crowd, not one abuser.
 */

export const QUIZ_LENGTH = 10;

export interface Player {
  seat: number;
  /** Its X-Forwarded-For address: one per player, as on a mobile network. */
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

const addressOf = (seat: number) => `10.${(seat >> 16) & 255}.${(seat >> 8) & 255}.${seat & 255}`;

/** Headers of a request from this player. */
export const from = (player: Pick<Player, "address">, extra: Record<string, string> = {}) => ({
  "x-forwarded-for": player.address,
  ...extra,
});

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
  const starts = await inWaves(
    addresses.map(
      (address) => () => client.send("POST", "/api/quiz/attempts", { json: { length: QUIZ_LENGTH }, headers: from({ address }) }),
    ),
    waves,
  );
  const quiz = createQuizService(deps);
  const players = await inWaves(
    starts.map((start, seat) => async (): Promise<Player | null> => {
      if (start.status !== 201) return null;
      const { attemptId } = JSON.parse(start.body) as { attemptId: string };
      const view = await quiz.getAttempt(attemptId);
      const questions = view.questions.map(({ question }) => deps.bank.get(question.id)).filter((q) => q !== undefined);
      return { seat, address: addresses[seat] ?? "", attemptId, questions };
    }),
    waves,
  );
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

/** One submission of a planned answer. */
function submit(client: LoadClient, plan: PlannedAnswer): Promise<Sent> {
  return client.send("POST", `/api/quiz/attempts/${plan.player.attemptId}/answers`, {
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
    const resent = await inWaves(
      pending.map((plan) => () => submitPlan(client, plan, run.acknowledged, 1)),
      options.inFlight,
    );
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
  return inWaves(
    players.map((player) => () => Promise.all(player.seat % 20 === 0 ? [view(player), view(player)] : [view(player)])),
    waves,
  );
}

/** Reads a hash per key, in batches (one round trip each). */
export async function readHashes(store: Store, keys: readonly string[]): Promise<Record<string, string>[]> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 200) batches.push(keys.slice(i, i + 200));
  const replies = await Promise.all(batches.map((batch) => store.exec(batch.map((key) => op.hgetall(key)))));
  return replies.flat();
}

export const attemptKeys = (players: readonly Player[]) => players.map((player) => quizKeys.attempt(player.attemptId));

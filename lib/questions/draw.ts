import { randomInt } from "node:crypto";
import type { Topic } from "@/lib/content/schemas";
import { Difficulty, type Question } from "./schemas";

/**
 * Drawing the questions of an attempt and shuffling their options. Pure but
 * for the random source, which tests replace; in production it is the
 * CSPRNG, so nobody can predict the next quiz from the last one.
 */

/** A uniform integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

export const cryptoRandomInt: RandomInt = (maxExclusive) => randomInt(maxExclusive);

/** Fisher–Yates: every permutation equally likely given a uniform source. */
export function shuffle<T>(items: readonly T[], random: RandomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}

const sameSequence = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Enough retries that a fair source never reaches the fallback (p ≤ (1/6)^20 for 3 items). */
const MAX_RESHUFFLES = 20;

/**
 * The order this attempt shows a question's choices in: option ids for
 * single / who-said, item ids for order (never already solved), and none
 * for true/false (True is always first) and estimates (a slider).
 */
export function choiceOrder(question: Question, random: RandomInt): string[] {
  switch (question.kind) {
    case "true-false":
    case "estimate":
      return [];
    case "single":
    case "who-said":
      return shuffle(
        question.options.map((option) => option.id),
        random,
      );
    case "order": {
      const solved = question.items.map((item) => item.id);
      for (let attempt = 0; attempt < MAX_RESHUFFLES; attempt += 1) {
        const candidate = shuffle(solved, random);
        if (!sameSequence(candidate, solved)) return candidate;
      }
      // A degenerate source (tests, or a broken RNG): rotate, which for two
      // or more distinct items is never the solved order.
      return [...solved.slice(1), ...solved.slice(0, 1)];
    }
  }
}

/** Shuffled, then each topic's first question before any topic's second, so a quiz is not five questions on one thing. */
function interleaveTopics(questions: readonly Question[], random: RandomInt): Question[] {
  const seen = new Map<string, number>();
  const ranked = shuffle(questions, random).map((question) => {
    const topic = question.topics[0] ?? "";
    const rank = seen.get(topic) ?? 0;
    seen.set(topic, rank + 1);
    return { question, rank };
  });
  // Array.prototype.sort is stable, so equal ranks keep their shuffled order.
  return ranked.sort((a, b) => a.rank - b.rank).map(({ question }) => question);
}

/**
 * How many of each difficulty: fill level by level, round robin from a
 * random starting difficulty, skipping difficulties that have run out. The
 * counts differ by at most one unless a difficulty is exhausted.
 */
function quotas(available: Record<Difficulty, number>, length: number, random: RandomInt): Record<Difficulty, number> {
  const counts: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  const levels = Difficulty.options;
  const start = random(levels.length);
  const rotation = levels.map((_, i) => levels[(start + i) % levels.length] as Difficulty);
  let picked = 0;
  while (picked < length) {
    let progressed = false;
    for (const level of rotation) {
      if (picked < length && counts[level] < available[level]) {
        counts[level] += 1;
        picked += 1;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return counts;
}

export interface DrawRequest {
  length: number;
  topic?: Topic;
}

export interface DrawnQuestion {
  question: Question;
  /** Choice ids in display order (see choiceOrder). */
  order: string[];
}

export interface Draw {
  questions: DrawnQuestion[];
  /** The actual number of questions: less than requested when a topic has fewer. */
  length: number;
}

/**
 * N distinct questions (all of the topic's when it has fewer than N),
 * spread across difficulties and topics, easy ones first.
 */
export function drawQuestions(bank: readonly Question[], request: DrawRequest, random: RandomInt = cryptoRandomInt): Question[] {
  const topic = request.topic;
  const pool = topic === undefined ? bank : bank.filter((question) => question.topics.includes(topic));
  const byDifficulty: Record<Difficulty, Question[]> = { easy: [], medium: [], hard: [] };
  for (const question of pool) byDifficulty[question.difficulty].push(question);

  const counts = quotas(
    { easy: byDifficulty.easy.length, medium: byDifficulty.medium.length, hard: byDifficulty.hard.length },
    Math.max(0, request.length),
    random,
  );
  return Difficulty.options.flatMap((level) => interleaveTopics(byDifficulty[level], random).slice(0, counts[level]));
}

/** Draws the questions and this attempt's shuffles of their choices. */
export function drawAttempt(bank: readonly Question[], request: DrawRequest, random: RandomInt = cryptoRandomInt): Draw {
  const questions = drawQuestions(bank, request, random).map((question) => ({
    question,
    order: choiceOrder(question, random),
  }));
  return { questions, length: questions.length };
}

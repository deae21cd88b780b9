/**
 * What one live class costs in store commands and app requests, modelled
 * from measured figures (./classroom-scale.ts): the rate at which a class
 * of that size costs while its phones only follow, over the class's length,
 * plus each event's measured cost times how many such events the class
 * has. Pure, so the report's tests can check it.
 */

/** Upstash Redis (Vercel KV's provider), as published on upstash.com/pricing/redis, recorded 2026-11-09. */
export const UPSTASH_PRICING = {
  recorded: "2026-11-09",
  source: "upstash.com/pricing/redis",
  freeCommandsPerMonth: 500_000,
  dollarsPer100kCommands: 0.2,
} as const;

/** The class modelled: 20 minutes, ten questions. */
export const MODEL_CLASS = {
  seconds: 20 * 60,
  questions: 10,
  /** Start, then close, reveal, standings and next for each question, and the end: about 40. */
  hostActions: 40,
  /** The teacher's screen reads its view once per join (the roster moved) and a few times more (opening it, reloads). */
  extraHostReads: 5,
} as const;

/** Mean store commands of one request of each kind, measured with the counting store. */
export interface EventCosts {
  join: number;
  answer: number;
  /** A student's own view (GET …/state?v=-1): once per answer, at its reveal. */
  ownView: number;
  hostAction: number;
  hostRead: number;
  /** The old way's poll: GET …/state?v=<current>, once a second per phone. */
  statePoll: number;
}

/** While phones only follow: what reaches the apps and the store per second (measured at this class's size). */
export interface FollowingRate {
  appRequestsPerSecond: number;
  storeCommandsPerSecond: number;
}

export interface ClassCost {
  students: number;
  following: { commands: number; requests: number };
  events: { commands: number; requests: number };
  commands: number;
  requests: number;
  /** At pay-as-you-go prices. */
  dollars: number;
  /** How many such classes a month the free tier holds. */
  classesInFreeTier: number;
}

function eventTotals(students: number, costs: EventCosts): { commands: number; requests: number } {
  const answers = students * MODEL_CLASS.questions;
  const hostReads = students + MODEL_CLASS.extraHostReads;
  const counts = { join: students, answer: answers, ownView: answers, hostAction: MODEL_CLASS.hostActions, hostRead: hostReads };
  const commands = Object.entries(counts).reduce((sum, [event, count]) => sum + count * costs[event as keyof typeof counts], 0);
  return { commands, requests: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

function priced(students: number, following: ClassCost["following"], events: ClassCost["events"]): ClassCost {
  const commands = Math.round(following.commands + events.commands);
  return {
    students,
    following,
    events,
    commands,
    requests: Math.round(following.requests + events.requests),
    dollars: (commands / 100_000) * UPSTASH_PRICING.dollarsPer100kCommands,
    classesInFreeTier: Math.floor(UPSTASH_PRICING.freeCommandsPerMonth / Math.max(1, commands)),
  };
}

/** The class as the site runs it now: phones follow the shared state (through the cache), plus its events. */
export function classCost(students: number, rate: FollowingRate, costs: EventCosts): ClassCost {
  const following = { commands: rate.storeCommandsPerSecond * MODEL_CLASS.seconds, requests: rate.appRequestsPerSecond * MODEL_CLASS.seconds };
  return priced(students, following, eventTotals(students, costs));
}

/** The same class the old way: every phone asks for its own view (GET …/state) once a second. */
export function classCostBefore(students: number, costs: EventCosts): ClassCost {
  const polls = students * MODEL_CLASS.seconds;
  return priced(students, { commands: polls * costs.statePoll, requests: polls }, eventTotals(students, costs));
}

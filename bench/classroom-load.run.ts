import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { StoreConfig } from "@/lib/env";
import { createClassroomService } from "@/lib/classroom";
import { type Joined } from "@/lib/classroom/views";
import type { StudentView } from "@/lib/classroom/views";
import { createStore } from "@/lib/store";
import { fixtureBank } from "../tests/unit/quiz-fixtures";
import { answerFor, answersRight } from "./lib/crowd";
import { latencies, ms } from "./lib/figures";
import { embeddedBackend, redisAvailable, redisBackend, vercelKvBackend, type Backend } from "./lib/stores";
import { countingStore } from "./server/counting-store";

/**
 * 200 students answering at once in one live session, on each store
 * adapter, through the same service the routes call. Every student answers
 * every question in the same burst; one in ten taps twice at once and one
 * in ten retries a moment later (a dropped connection), while all 200 keep
 * polling. Afterwards the counts must be exact: no answer lost, none
 * counted twice. Prints its figures; not a timed test.
 *
 *   npm run test:load:classroom
 */

const STUDENTS = 200;
const QUESTIONS = 5;
const SCHOOLS = 8;

/** Every store adapter: embedded, a redis-server of its own, and Vercel KV's client through the Upstash bridge to it. */
async function openStores(): Promise<Backend[]> {
  const backends: Backend[] = [embeddedBackend()];
  if (redisAvailable()) {
    const redis = await redisBackend({ durable: false });
    backends.push(redis, await vercelKvBackend(redis.redis));
  }
  return backends;
}

const backends = await openStores();
// The bridge before the Redis behind it.
afterAll(async () => {
  for (const backend of [...backends].reverse()) await backend.close();
});
const STORES: [string, StoreConfig | undefined][] = (["embedded", "redis", "vercel-kv"] as const).map((name) => [
  name,
  backends.find((backend) => backend.name === name)?.config,
]);

const bank = fixtureBank();

for (const [name, config] of STORES) {
  describe.skipIf(!config)(`classroom under load: ${name}`, () => {
    it(`${STUDENTS} students answer ${QUESTIONS} questions at once; every answer is counted exactly once`, async () => {
      const store = await createStore(config as StoreConfig, { timeoutMs: 30_000 });
      const classroom = createClassroomService({ store, bank });
      const run = randomBytes(4).toString("hex");
      try {
        const { sessionId, hostCredential } = await classroom.createSession(
          // In eight "average" teams: every answer also counts for its team, in the same transaction.
          { mode: "live", length: QUESTIONS, topic: undefined, timer: 0, scoring: "accuracy", dueInHours: 24, teams: 8, teamRule: "average" },
          { client: `load-teacher-${run}` },
        );

        // Eight classes behind eight school addresses, all joining at once: 25 each, within a network's
        // straight-in seats (lib/classroom/limits.ts), so no one waits for the teacher.
        let started = performance.now();
        const students: Joined[] = await Promise.all(
          Array.from({ length: STUDENTS }, (_, seat) =>
            classroom.joinSession(sessionId, { nickname: undefined, token: undefined }, { client: `load-school-${seat % SCHOOLS}-${run}` }),
          ),
        );
        const joinMs = performance.now() - started;
        expect(new Set(students.map((s) => s.nickname)).size).toBe(STUDENTS);
        // One student in seven has double time and fewer options: their answers go through the same burst.
        const accommodated = students.filter((_, seat) => seat % 7 === 0);
        await Promise.all(
          accommodated.map(({ playerId }) => classroom.hostAction(sessionId, hostCredential, { action: "accommodate", version: 0, playerId, extraTime: "2", fewerOptions: true })),
        );

        const answerLatencies: number[] = [];
        const pollTrips: number[] = [];
        let version = 0;
        let replays = 0;
        for (let q = 0; q < QUESTIONS; q += 1) {
          version = (await classroom.hostAction(sessionId, hostCredential, { action: q === 0 ? "start" : "next", version })).version;
          const first = (await classroom.pollStudent(sessionId, students[0]?.token, -1)) as StudentView;
          const question = bank.get(first.question?.id ?? "");
          if (!question) throw new Error("no current question");

          const send = async (seat: number) => {
            const t = performance.now();
            const answer = answerFor(question, answersRight(seat, q));
            await classroom.answer(sessionId, students[seat]?.token, { questionId: question.id, answer }, { client: `load-school-${seat % SCHOOLS}-${run}` });
            answerLatencies.push(performance.now() - t);
          };
          // Each poll through its own counter, so concurrent calls are not mixed up.
          const polls = students.map(async (student) => {
            const counter = countingStore(store);
            await createClassroomService({ store: counter.store, bank }).pollStudent(sessionId, student.token, version);
            pollTrips.push(counter.counts().roundTrips);
          });
          const burst = students.flatMap((_, seat) => {
            const sends = [send(seat)];
            if (seat % 10 === 0) sends.push(send(seat)); // a double tap
            if (seat % 10 === 5) sends.push(new Promise((resolve) => setTimeout(resolve, 20)).then(() => send(seat))); // a retry
            return sends;
          });
          await Promise.all([...burst, ...polls]);
          replays += STUDENTS / 10 * 2;

          const host = await classroom.getHostView(sessionId, hostCredential);
          expect(host.answered, `answers received to question ${q + 1}`).toBe(STUDENTS);
          const reveal = (await classroom.hostAction(sessionId, hostCredential, { action: "reveal", version: host.version })).reveal;
          version += 1;
          const expectedRight = students.filter((_, seat) => answersRight(seat, q)).length;
          expect(reveal?.distribution.reduce((sum, bar) => sum + bar.count, 0)).toBe(STUDENTS);
          expect(reveal?.distribution.filter((bar) => bar.correct).reduce((sum, bar) => sum + bar.count, 0)).toBe(expectedRight);
        }
        started = performance.now();
        const dashboard = await classroom.getDashboard(sessionId, hostCredential);
        const dashboardMs = performance.now() - started;

        // Every student: every question answered once, the score exactly their right answers.
        expect(dashboard.students.filter((student) => student.accommodations.extraTime === "2" && student.accommodations.fewerOptions)).toHaveLength(accommodated.length);
        for (const student of dashboard.students) {
          expect(student.answered, student.nickname).toBe(QUESTIONS);
          expect(student.answers.every((answer) => answer !== null)).toBe(true);
        }
        const expectedTotal = students.reduce(
          (sum, _, seat) => sum + Array.from({ length: QUESTIONS }, (_, q) => Number(answersRight(seat, q))).reduce((a, b) => a + b, 0),
          0,
        );
        const total = dashboard.students.reduce((sum, student) => sum + student.score, 0);
        expect(total).toBe(expectedTotal);
        // The teams hold every point exactly once: their averages times their members add up to the class's total.
        const teamTotal = (dashboard.teams ?? []).reduce((sum, team) => sum + team.score * team.members, 0);
        expect(Math.abs(teamTotal - expectedTotal)).toBeLessThanOrEqual(0.05 * STUDENTS);
        expect((dashboard.teams ?? []).reduce((sum, team) => sum + team.members, 0)).toBe(STUDENTS);
        expect(new Set(pollTrips)).toEqual(new Set([1]));

        console.info(
          [
            `classroom load (${name}): ${STUDENTS} students, ${QUESTIONS} questions`,
            `  joins: ${STUDENTS} at once in ${ms(joinMs)}`,
            `  answers sent: ${answerLatencies.length} (${replays} of them repeats), counted: ${STUDENTS * QUESTIONS}, total score ${total} = expected ${expectedTotal}`,
            `  answer latency: ${latencies(answerLatencies)}`,
            `  store round trips per poll: ${[...new Set(pollTrips)].join(", ")} (${pollTrips.length} polls during the bursts)`,
            `  dashboard of ${STUDENTS} students read in ${ms(dashboardMs)}`,
          ].join("\n"),
        );
      } finally {
        await store.close();
      }
    });
  });
}

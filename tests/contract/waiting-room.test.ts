import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { countingStore } from "@/bench/server/counting-store";
import { createClassroomService } from "@/lib/classroom";
import { DEFAULT_CLASSROOM_MAX_PLAYERS } from "@/lib/env";
import { CLASSROOM_RATE_LIMITS, waitingPlaces } from "@/lib/classroom/limits";
import type { CreateSessionInput } from "@/lib/classroom/requests";
import type { StudentView } from "@/lib/classroom/views";
import { answerKey } from "@/lib/questions/scoring";
import type { Question } from "@/lib/questions/schemas";
import { describeClassroomOnEveryStore } from "../support/classroom-on-every-store";
import { refusal } from "../support/classroom-refusal";
import { fixtureBank } from "../unit/quiz-fixtures";

/**
 * The waiting room on every store adapter: a script from one address cannot
 * fill a session (its joins past the network's straight-in seats wait, and
 * the waiting room has its own cap), a class of 40 behind one address gets in
 * with one "Let all in", the teacher can ask to let everyone in, turn players
 * away, and clear a burst of junk players in one action.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "waiting-room-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const bank = fixtureBank();
const LIVE: CreateSessionInput = { mode: "live", length: 5, topic: undefined, timer: 0, scoring: "accuracy", dueInHours: 24 };
const STRAIGHT_IN = CLASSROOM_RATE_LIMITS.seatsPerNetwork.limit;

/** A client address of its own per test: the counters live in a Redis shared by runs and adapters. */
const client = (what = "client") => `${what}-${randomBytes(6).toString("hex")}`;

describeClassroomOnEveryStore("waiting room", dataDir, bank, (on) => {
  const { clock } = on;
  const join = (sessionId: string, from: string, nickname?: string) => on.classroom.joinSession(sessionId, { nickname, token: undefined }, { client: from });
  const host = (sessionId: string, credential: string, action: "ask" | "stop-asking" | "admit-all" | "turn-away-all" | "remove-recent", seenAt?: number) =>
    on.classroom.hostAction(sessionId, credential, { action, version: 0, seenAt });

  it("a script of 240 joins from one address takes only its straight-in seats; the rest wait, within their own cap, and a student elsewhere walks in", async () => {
    // A session of 150 seats: its waiting room holds 150 (as many as it seats, and never under 100).
    const seats = 150;
    const places = waitingPlaces(seats);
    expect(places).toBe(150);
    const classroom = createClassroomService({ store: on.store, bank, now: () => clock.now, classroomMaxPlayers: seats });
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client("teacher") });
    const script = client("script");
    const joinFrom = (from: string, nickname?: string) => classroom.joinSession(sessionId, { nickname, token: undefined }, { client: from });
    const outcomes = await Promise.allSettled(Array.from({ length: 240 }, () => joinFrom(script)));
    const joined = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    expect(joined.filter((j) => !j.waiting)).toHaveLength(STRAIGHT_IN);
    expect(joined.filter((j) => j.waiting)).toHaveLength(places);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(await refusal(Promise.reject(refused?.reason))).toMatchObject({ code: "waiting_full", message: expect.stringMatching(/Tell your teacher/) });

    const view = await classroom.getHostView(sessionId, hostCredential);
    expect(view.players).toHaveLength(STRAIGHT_IN);
    expect(view.waiting).toHaveLength(places);
    const student = await joinFrom(client("home"), "Real Student");
    expect(student.waiting).toBe(false);

    // One action turns the script's waiting joins away; their phones are told so.
    const after = await classroom.hostAction(sessionId, hostCredential, { action: "turn-away-all", version: 0, seenAt: clock.now });
    expect(after.waiting).toHaveLength(0);
    const turnedAway = joined.find((j) => j.waiting);
    expect(await refusal(classroom.pollStudent(sessionId, turnedAway?.token, -1))).toMatchObject({ code: "removed", message: expect.stringMatching(/did not let you in/) });
  });

  it("a class of 40 behind one address: the first ones walk in, the rest wait, and one “Let all in” seats every one", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession(LIVE, { client: client("teacher") });
    const school = client("school");
    const students = await Promise.all(Array.from({ length: 40 }, (_, i) => join(sessionId, school, `Pupil ${i}`)));
    const waiting = students.filter((s) => s.waiting);
    expect(waiting).toHaveLength(40 - STRAIGHT_IN);
    // A waiting phone is told to wait, and coming back to the join page keeps its place.
    expect(await refusal(on.classroom.pollStudent(sessionId, waiting[0]?.token, -1))).toMatchObject({ code: "waiting", message: expect.stringMatching(/Waiting for your teacher/) });
    expect(await on.classroom.joinSession(sessionId, { nickname: undefined, token: waiting[0]?.token }, { client: school })).toMatchObject({ rejoined: true, waiting: true });

    const counted = countingStore(on.store);
    const teacher = createClassroomService({ store: counted.store, bank, now: () => clock.now });
    const view = await teacher.hostAction(sessionId, hostCredential, { action: "admit-all", version: 0, seenAt: clock.now });
    expect(counted.counts().roundTrips).toBe(2);
    expect(view.players).toHaveLength(40);
    expect(view.waiting).toHaveLength(0);
    const polled = (await on.classroom.pollStudent(sessionId, waiting[0]?.token, -1)) as StudentView;
    expect(polled).toMatchObject({ phase: "lobby", players: 40 });
  });

  it("asking first: every new join waits, even from many addresses, outside the 200 seats; one can be let in, one turned away", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession(LIVE, { client: client("teacher") });
    const seated = await join(sessionId, client(), "Early");
    await host(sessionId, hostCredential, "ask");
    const late = [];
    // One after another, a moment apart: the waiting list is in join order.
    for (const nickname of ["Ann", "Bob", "Cy"]) {
      clock.now += 1;
      late.push(await join(sessionId, client(), nickname));
    }
    expect(late.map((j) => j.waiting)).toEqual([true, true, true]);
    let view = await on.classroom.getHostView(sessionId, hostCredential);
    expect(view).toMatchObject({ approval: true });
    expect(view.players.map((p) => p.nickname)).toEqual(["Early"]);
    expect(view.waiting.map((p) => p.nickname)).toEqual(["Ann", "Bob", "Cy"]);
    // A player already in carries on.
    expect(await on.classroom.pollStudent(sessionId, seated.token, -1)).toMatchObject({ nickname: "Early" });

    view = await on.classroom.hostAction(sessionId, hostCredential, { action: "admit", version: 0, playerId: late[0]?.playerId });
    view = await on.classroom.hostAction(sessionId, hostCredential, { action: "turn-away", version: 0, playerId: late[1]?.playerId });
    expect(view.players.map((p) => p.nickname)).toEqual(["Early", "Ann"]);
    expect(view.waiting.map((p) => p.nickname)).toEqual(["Cy"]);
    expect((await refusal(on.classroom.joinSession(sessionId, { nickname: undefined, token: late[1]?.token }, { client: client() }))).code).toBe("removed");
    // Acting on a player who is no longer waiting says so.
    expect((await refusal(on.classroom.hostAction(sessionId, hostCredential, { action: "admit", version: 0, playerId: late[1]?.playerId }))).code).toBe("not_found");

    await host(sessionId, hostCredential, "stop-asking");
    expect((await join(sessionId, client(), "Dee")).waiting).toBe(false);
    expect((await on.classroom.getJoinInfo(sessionId, undefined)).refusal).toBeNull();
  });

  it("“Let all in” takes the players the teacher saw, never ones who arrived since", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession(LIVE, { client: client("teacher") });
    await host(sessionId, hostCredential, "ask");
    const seenAt = clock.now;
    await join(sessionId, client(), "Seen");
    clock.now += 1_000;
    await join(sessionId, client(), "Later");
    const view = await host(sessionId, hostCredential, "admit-all", seenAt);
    expect(view.players.map((p) => p.nickname)).toEqual(["Seen"]);
    expect(view.waiting.map((p) => p.nickname)).toEqual(["Later"]);
  });

  it("clearing a burst: the players who joined in the minute the teacher saw go in one action; earlier and later ones stay", async () => {
    const { sessionId, hostCredential } = await on.classroom.createSession(LIVE, { client: client("teacher") });
    await join(sessionId, client(), "Before");
    clock.now += 5 * 60_000;
    const burstAt = clock.now;
    await Promise.all(Array.from({ length: 20 }, (_, i) => join(sessionId, client("script"), `Junk ${i}`)));
    clock.now += 2 * 60_000;
    await join(sessionId, client(), "After");
    const view = await host(sessionId, hostCredential, "remove-recent", burstAt + 30_000);
    expect(view.players.map((p) => p.nickname)).toEqual(["Before", "After"]);
    expect((await on.classroom.getDashboard(sessionId, hostCredential)).students.filter((s) => s.removed)).toHaveLength(20);
  });

  it("a school assembly behind one address: all 2,000 phones get in (the straight-in seats, then one “Let all in”), and their answers count", async () => {
    // The per-network limits grow with the session's seats, past the 300 joins, 100 waiting places and 3,000
    // answers a fixed limit for one class would allow one address.
    const seats = DEFAULT_CLASSROOM_MAX_PLAYERS;
    const classroom = createClassroomService({ store: on.store, bank, now: () => clock.now, classroomMaxPlayers: seats });
    const { sessionId, hostCredential } = await classroom.createSession({ ...LIVE, length: 10 }, { client: client("teacher") });
    const school = client("school");
    const students = [];
    // Phones arrive in waves of 100, each a moment after the last, with generated names.
    for (let wave = 0; wave < seats / 100; wave += 1) {
      clock.now += 1;
      const arrivals = Array.from({ length: 100 }, () => classroom.joinSession(sessionId, { nickname: undefined, token: undefined }, { client: school }));
      students.push(...(await Promise.all(arrivals)));
    }
    expect(students.filter((s) => !s.waiting)).toHaveLength(STRAIGHT_IN);
    let view = await classroom.hostAction(sessionId, hostCredential, { action: "admit-all", version: 0, seenAt: clock.now });
    expect(view.players).toHaveLength(seats);
    expect(view.waiting).toHaveLength(0);

    // 400 of them answer all ten questions: 4,000 answers from the one address.
    const answering = students.slice(0, 400);
    for (let index = 0; index < 10; index += 1) {
      view = await classroom.hostAction(sessionId, hostCredential, { action: index === 0 ? "start" : "next", version: view.version });
      const questionId = view.question?.id ?? "";
      const answer = answerKey(bank.get(questionId) as Question);
      for (let from = 0; from < answering.length; from += 100) {
        await Promise.all(answering.slice(from, from + 100).map((s) => classroom.answer(sessionId, s.token, { questionId, answer }, { client: school })));
      }
      view = await classroom.hostAction(sessionId, hostCredential, { action: "close", version: view.version });
    }
    const dashboard = await classroom.getDashboard(sessionId, hostCredential);
    expect(dashboard.students).toHaveLength(seats);
    expect(dashboard.students.filter((s) => s.correct === 10)).toHaveLength(answering.length);
    const scores = dashboard.students.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // The dashboard's table reads one page of them, in the same order: 100 students, not 2,000.
    const counted = countingStore(on.store);
    const paged = createClassroomService({ store: counted.store, bank, now: () => clock.now, classroomMaxPlayers: seats });
    const second = await paged.getDashboard(sessionId, hostCredential, { page: 2 });
    expect(second.studentList).toEqual({ active: seats, total: seats, first: 100 });
    expect(second.students).toEqual(dashboard.students.slice(100, 200));
    expect(counted.counts()).toMatchObject({ roundTrips: 2, commands: 2 + 1 + 2 * 10 + 100 });
    // A page past the last shows the last.
    expect((await paged.getDashboard(sessionId, hostCredential, { page: 99 })).students).toEqual(dashboard.students.slice(seats - 100));
  }, 180_000);

  it("letting players in never takes the session past its seats", async () => {
    const seats = 12;
    const classroom = createClassroomService({ store: on.store, bank, now: () => clock.now, classroomMaxPlayers: seats });
    const { sessionId, hostCredential } = await classroom.createSession(LIVE, { client: client("teacher") });
    const seat = (nickname: string) => classroom.joinSession(sessionId, { nickname, token: undefined }, { client: client() });
    for (let i = 0; i < seats - 2; i += 1) await seat(`Seated ${i}`);
    await classroom.hostAction(sessionId, hostCredential, { action: "ask", version: 0 });
    for (const nickname of ["A", "B", "C", "D"]) {
      clock.now += 1;
      await seat(nickname);
    }
    const admitAll = () => classroom.hostAction(sessionId, hostCredential, { action: "admit-all", version: 0, seenAt: clock.now });
    const view = await admitAll();
    expect(view.players).toHaveLength(seats);
    expect(view.waiting.map((p) => p.nickname)).toEqual(["C", "D"]);
    expect(await refusal(admitAll())).toMatchObject({ code: "full", message: "The session is full (12 players): remove players before letting more in." });
  });
});

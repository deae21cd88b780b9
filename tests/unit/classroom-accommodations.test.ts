import { describe, expect, it } from "vitest";
import { closesAtFor, describeAccommodations, phaseFor, removedOption, timerFor } from "@/lib/classroom/accommodations";
import type { Accommodations } from "@/lib/classroom/settings";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F } from "@/lib/classroom/keys";
import { hostView, studentView } from "@/lib/classroom/live";
import { effectivePhase, parsePlayer, parseSession, type SessionRecord } from "@/lib/classroom/record";
import { pointsFor } from "@/lib/classroom/scoring";
import { encodeRefs } from "@/lib/questions/refs";
import type { Question } from "@/lib/questions/schemas";
import { fixtureBank, singleQ, whoSaidQ } from "./quiz-fixtures";

const bank = fixtureBank([singleQ, whoSaidQ]);

function choiceQuestion(question: Question) {
  if (question.kind !== "single" && question.kind !== "who-said") throw new Error("expected a choice question");
  return question;
}
const four = choiceQuestion(singleQ);
const three = choiceQuestion(whoSaidQ);
const OPENED = Date.UTC(2026, 4, 20, 9, 0, 0);
const ORDER = ["stockholm", "hanoi", "singapore", "panmunjom"];

/** A live session on the four-option question, opened at OPENED with a 20-second timer. */
function liveSession(fields: Record<string, string> = {}): SessionRecord {
  const parsed = parseSession("roomroomroomroomroomro", {
    [F.created]: String(OPENED),
    [F.expiresAt]: String(OPENED + 86_400_000),
    [F.code]: "K7QF3MZP",
    [F.hostHash]: "ab".repeat(32),
    [F.mode]: "live",
    [F.timer]: "20",
    [F.questions]: encodeRefs([{ id: singleQ.id, version: 1, order: ORDER }]),
    [F.version]: "1",
    [F.phase]: "open",
    [F.openedAt]: String(OPENED),
    [F.closesAt]: String(OPENED + 20_000),
    ...fields,
  });
  if (!parsed) throw new Error("fixture session did not parse");
  return parsed;
}

function student(id: string, given: Partial<Record<"xt" | "fo", string>> = {}) {
  const parsed = parsePlayer(id, { [P.nickname]: id, [P.joinedAt]: String(OPENED), ...given });
  if (!parsed) throw new Error("fixture player did not parse");
  return parsed;
}

const given = (extraTime: Accommodations["extraTime"], fewerOptions = false): Accommodations => ({ extraTime, fewerOptions });
const at = (seconds: number) => OPENED + seconds * 1000;

describe("a student's own deadline", () => {
  const session = liveSession();
  const phaseAt = (accommodations: Accommodations, seconds: number) => phaseFor(session, effectivePhase(session, at(seconds)), accommodations, at(seconds));

  it("is the class's timer times their factor; untimed waits for the teacher", () => {
    expect(closesAtFor(session, given("none"))).toBe(at(20));
    expect(closesAtFor(session, given("1.5"))).toBe(at(30));
    expect(closesAtFor(session, given("2"))).toBe(at(40));
    expect(closesAtFor(session, given("untimed"))).toBeNull();
  });

  it("keeps the question open for them after the class's time is up, and only until their own", () => {
    expect(phaseAt(given("none"), 25)).toBe("closed");
    expect(phaseAt(given("2"), 25)).toBe("open");
    expect(phaseAt(given("2"), 40)).toBe("closed");
    expect(phaseAt(given("untimed"), 600)).toBe("open");
  });

  it("ends with everyone's when the teacher closes or reveals", () => {
    const closed = liveSession({ [F.phase]: "closed", [F.closesAt]: String(at(5)) });
    expect(phaseFor(closed, effectivePhase(closed, at(6)), given("untimed"), at(6))).toBe("closed");
    const revealed = liveSession({ [F.phase]: "reveal" });
    expect(phaseFor(revealed, effectivePhase(revealed, at(6)), given("2"), at(6))).toBe("reveal");
  });

  it("shows on that student's phone only: the projector and a classmate see the class's time", () => {
    const late = at(25);
    expect(studentView(bank, session, student("ann", { xt: "2" }), late)).toMatchObject({ phase: "open", closesAt: at(40) });
    expect(studentView(bank, session, student("bob"), late)).toMatchObject({ phase: "closed", closesAt: null });
    expect(hostView(bank, session, [], late)).toMatchObject({ phase: "closed", closesAt: null });
  });

  it("measures speed points on the student's own window", () => {
    const atTheBell = { scoring: "speed" as const, correct: true, elapsedMs: 20_000 };
    expect(pointsFor({ ...atTheBell, timerSeconds: timerFor(20, given("none")) })).toBe(500);
    expect(pointsFor({ ...atTheBell, timerSeconds: timerFor(20, given("2")) })).toBe(750);
  });
});

describe("fewer options", () => {
  it("removes one wrong option of four, the same one every time for a player and question", () => {
    const removed = removedOption(four.options, four.answer, "ann", four.id);
    expect(removed).not.toBeNull();
    expect(removed).not.toBe(four.answer);
    expect(removedOption(four.options, four.answer, "ann", four.id)).toBe(removed);
    const chosen = new Set(Array.from({ length: 40 }, (_, i) => removedOption(four.options, four.answer, `player-${i}`, four.id)));
    expect(chosen.size).toBe(3);
  });

  it("leaves three-option questions alone", () => {
    expect(removedOption(three.options, three.answer, "ann", three.id)).toBeNull();
  });

  it("sends that student three options, each with its shape on the projector; classmates get all four", () => {
    const session = liveSession();
    const ann = studentView(bank, session, student("ann", { fo: "1" }), at(1)).question;
    const bob = studentView(bank, session, student("bob"), at(1)).question;
    if (ann?.kind !== "single" || bob?.kind !== "single") throw new Error("expected the single-choice question");
    expect(bob.options.map((option) => option.id)).toEqual(ORDER);
    expect(ann.options).toHaveLength(3);
    expect(ann.options.map((option) => option.id)).toContain(four.answer);
    for (const option of ann.options) expect(option.mark).toBe(ORDER.indexOf(option.id));
  });
});

it("names the accommodations for the dashboard and the CSV", () => {
  expect(describeAccommodations(given("2", true))).toBe("extra time ×2; fewer options");
  expect(describeAccommodations(given("untimed"))).toBe("untimed");
  expect(describeAccommodations(given("none"))).toBe("");
});

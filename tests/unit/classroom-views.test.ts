import { describe, expect, it } from "vitest";
import { SESSION_FIELDS as F } from "@/lib/classroom/keys";
import { encodeRosterEntry, effectivePhase, parsePlayer, parseSession, parseRoster, type SessionRecord } from "@/lib/classroom/record";
import { choiceField } from "@/lib/classroom/scoring";
import { hostView, sharedView, studentView } from "@/lib/classroom/live";
import { encodeRefs } from "@/lib/questions/refs";
import { fixtureBank, orderQ, singleQ, trueFalseQ, whoSaidQ } from "./quiz-fixtures";

const bank = fixtureBank([singleQ, trueFalseQ, orderQ, whoSaidQ]);
const T0 = Date.UTC(2026, 4, 20, 9, 0, 0);
const refs = [
  { id: singleQ.id, version: 1, order: ["stockholm", "hanoi", "singapore", "panmunjom"] },
  { id: trueFalseQ.id, version: 1, order: [] },
  { id: orderQ.id, version: 1, order: ["dmz", "singapore", "hanoi"] },
];

function session(fields: Record<string, string> = {}): SessionRecord {
  const hash = {
    [F.created]: String(T0),
    [F.expiresAt]: String(T0 + 30 * 86_400_000),
    [F.code]: "K7QF3MZP",
    [F.hostHash]: "ab".repeat(32),
    [F.mode]: "live",
    [F.scoring]: "accuracy",
    [F.timer]: "20",
    [F.questions]: encodeRefs(refs),
    [F.version]: "1",
    [F.phase]: "open",
    [F.index]: "0",
    [F.openedAt]: String(T0),
    [F.closesAt]: String(T0 + 20_000),
    [F.players]: "2",
    ...fields,
  };
  const parsed = parseSession("roomroomroomroomroomro", hash);
  if (!parsed) throw new Error("fixture session did not parse");
  return parsed;
}

const player = (answers: Record<string, string> = {}) =>
  parsePlayer("playerplayerplayerplay", { n: "Ann", j: String(T0), score: "0", answered: "0", ...answers });

describe("what a phone is sent", () => {
  it("before the reveal: the question and choices, nothing of the key or explanation", () => {
    const ann = player();
    if (!ann) throw new Error("no player");
    const view = studentView(bank, session(), ann, T0 + 1000);
    expect(view.phase).toBe("open");
    expect(view.question?.prompt).toBe(singleQ.prompt);
    expect(view.reveal).toBeNull();
    const sent = JSON.stringify(view);
    expect(sent).not.toContain(singleQ.explanation);
    expect(sent).not.toMatch(/"(answer|correct|correctAnswer|explanation)"/);
  });

  it("after answering, before the reveal: their own answer and still no key", () => {
    const ann = player({ "a:0": JSON.stringify("hanoi"), "pt:0": "0" });
    if (!ann) throw new Error("no player");
    const view = studentView(bank, session(), ann, T0 + 1000);
    expect(view.yourAnswer).toBe("Hanoi");
    expect(JSON.stringify(view)).not.toMatch(/"(correct|correctAnswer|explanation|youWereRight)"/);
  });

  it("after a right answer, before the reveal: the score as of the last reveal, so it cannot give the answer away", () => {
    // 3 points from earlier questions (one field stands for them), 1 for this one (accuracy), which is right.
    const ann = player({ "a:0": JSON.stringify("singapore"), "pt:0": "1", "a:9": JSON.stringify("hanoi"), "pt:9": "3" });
    if (!ann) throw new Error("no player");
    const unrevealed: Record<string, string>[] = [{}, { [F.phase]: "closed" }, { [F.closesAt]: String(T0 + 5_000) }];
    for (const fields of unrevealed) {
      const view = studentView(bank, session(fields), ann, T0 + 10_000);
      expect(["open", "closed"]).toContain(view.phase);
      expect(view.score).toBe(3);
    }
    const reveal = JSON.stringify({ index: 0, answered: 1, counts: [0, 0, 1, 0] });
    for (const phase of ["reveal", "standings", "ended"]) {
      const fields = { [F.phase]: phase, [F.reveal]: reveal, ...(phase === "ended" ? { [F.endedAt]: String(T0) } : {}) };
      expect(studentView(bank, session(fields), ann, T0 + 30_000).score).toBe(4);
    }
  });

  it("at the reveal: the key, the explanation, the class's counts and whether they were right", () => {
    const ann = player({ "a:0": JSON.stringify("hanoi"), "pt:0": "0" });
    if (!ann) throw new Error("no player");
    const reveal = JSON.stringify({ index: 0, answered: 2, counts: [0, 1, 1, 0] });
    const view = studentView(bank, session({ [F.phase]: "reveal", [F.reveal]: reveal, [F.version]: "2" }), ann, T0 + 30_000);
    expect(view.reveal).toMatchObject({ correctAnswer: "Singapore", youWereRight: false, explanation: singleQ.explanation });
    expect(view.reveal?.distribution.map((bar) => bar.count)).toEqual([0, 1, 1, 0]);
  });

  it("never another student's answers: only counts", () => {
    const ann = player({ "a:0": JSON.stringify("hanoi") });
    if (!ann) throw new Error("no player");
    const reveal = JSON.stringify({ index: 0, answered: 2, counts: [0, 1, 1, 0] });
    const view = studentView(bank, session({ [F.phase]: "reveal", [F.reveal]: reveal }), ann, T0);
    expect(Object.keys(view).sort()).toEqual(
      ["closesAt", "epoch", "nickname", "now", "personal", "phase", "players", "question", "rank", "reveal", "sessionId", "score", "settings", "top", "version", "yourAnswer", "team", "teamAnswered", "teams"].sort(),
    );
  });

  it("the class's shared state names no one but the top five, and holds the key only once revealed", () => {
    const open = sharedView(bank, session(), T0);
    expect(Object.keys(open).sort()).toEqual(
      ["answered", "closesAt", "epoch", "index", "phase", "players", "question", "ranking", "reveal", "sessionId", "settings", "teams", "teamsAnswered", "top", "version", "waiting"].sort(),
    );
    expect(open.reveal).toBeNull();
    expect(JSON.stringify(open)).not.toMatch(/"answer"|correct/i);
    const reveal = JSON.stringify({ index: 0, answered: 2, counts: [0, 1, 1, 0] });
    expect(sharedView(bank, session({ [F.phase]: "reveal", [F.reveal]: reveal }), T0).reveal?.correctAnswer).toBeDefined();
  });
});

describe("the timer", () => {
  it("closes a live question when it runs out, without anyone writing it", () => {
    expect(effectivePhase(session(), T0 + 19_999)).toBe("open");
    expect(effectivePhase(session(), T0 + 20_000)).toBe("closed");
    expect(effectivePhase(session({ [F.closesAt]: "" }), T0 + 600_000)).toBe("open");
  });

  it("ends homework at its deadline", () => {
    const homework = session({ [F.mode]: "homework", [F.deadline]: String(T0 + 3_600_000) });
    expect(effectivePhase(homework, T0 + 3_599_999)).toBe("open");
    expect(effectivePhase(homework, T0 + 3_600_000)).toBe("ended");
  });
});

describe("the projector", () => {
  it("shows active players in join order, waiting ones apart, and the answered count, not the key", () => {
    const roster = parseRoster({
      b: encodeRosterEntry({ nickname: "Bob", joinedAt: T0 + 2, removed: undefined, waiting: false }),
      a: encodeRosterEntry({ nickname: "Ann", joinedAt: T0 + 1, removed: undefined, waiting: false }),
      t: encodeRosterEntry({ nickname: "Troll", joinedAt: T0 + 3, removed: "removed", waiting: false }),
      w: encodeRosterEntry({ nickname: "Wait", joinedAt: T0 + 4, removed: undefined, waiting: true }),
      x: encodeRosterEntry({ nickname: "Gone", joinedAt: T0 + 5, removed: "turned-away", waiting: true }),
    });
    const view = hostView(bank, session({ [`${F.answeredPrefix}0`]: "1" }), roster, T0 + 1000);
    expect(view.players.map((p) => p.nickname)).toEqual(["Ann", "Bob"]);
    expect(view.waiting.map((p) => p.nickname)).toEqual(["Wait"]);
    expect(view.answered).toBe(1);
    expect(JSON.stringify(view)).not.toContain(singleQ.explanation);
    expect(view).not.toHaveProperty("hostHash");
  });
});

describe("stored data is untrusted", () => {
  it("a damaged session or player hash reads as missing, not as a crash", () => {
    expect(parseSession("x", {})).toBeNull();
    expect(parseSession("x", { [F.questions]: "{not json", [F.code]: "A", [F.hostHash]: "b" })).toBeNull();
    expect(parsePlayer("x", {})).toBeNull();
    expect(parseRoster({ a: "garbage", b: JSON.stringify({ n: 5 }) })).toEqual([]);
  });

  it("unknown values fall back to safe ones", () => {
    const odd = session({ [F.mode]: "party", [F.timer]: "7", [F.phase]: "dancing", [F.index]: "99", [F.reveal]: "[]" });
    expect(odd.settings).toMatchObject({ mode: "live", timer: 0 });
    expect(odd.phase).toBe("lobby");
    expect(odd.index).toBe(refs.length - 1);
    expect(odd.reveal).toBeNull();
  });

  it("answers that no longer decode are skipped", () => {
    expect(player({ "a:0": "{oops", "a:1": JSON.stringify("true"), [`a:x`]: "1" })?.answers).toEqual(new Map([[1, "true"]]));
    expect(choiceField(["a", "b"])).toBe("c:a>b");
  });
});

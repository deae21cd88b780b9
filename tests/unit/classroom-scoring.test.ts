import { describe, expect, it } from "vitest";
import { rankOf } from "@/lib/classroom/rank";
import { choiceField, classTally, distributionBars, mostChosenWrong, pointsFor, standings } from "@/lib/classroom/scoring";
import { formatScore, ordinal } from "@/lib/classroom/format";
import { estimateQ, orderQ, singleQ, trueFalseQ } from "./quiz-fixtures";

describe("points", () => {
  it("accuracy: one per right answer, however slow", () => {
    expect(pointsFor({ scoring: "accuracy", correct: true, elapsedMs: 60_000, timerSeconds: 20 })).toBe(1);
    expect(pointsFor({ scoring: "accuracy", correct: false, elapsedMs: 0, timerSeconds: 20 })).toBe(0);
  });

  it("speed: 1000 at once, down to 500 at the end of the timer, never below", () => {
    const at = (elapsedMs: number) => pointsFor({ scoring: "speed", correct: true, elapsedMs, timerSeconds: 20 });
    expect(at(0)).toBe(1000);
    expect(at(10_000)).toBe(750);
    expect(at(20_000)).toBe(500);
    expect(at(25_000)).toBe(500);
    expect(pointsFor({ scoring: "speed", correct: false, elapsedMs: 0, timerSeconds: 20 })).toBe(0);
  });

  it("speed without a timer decays over 20 seconds", () => {
    expect(pointsFor({ scoring: "speed", correct: true, elapsedMs: 10_000, timerSeconds: 0 })).toBe(750);
  });

  it("reads as people say it", () => {
    expect(formatScore(3, "accuracy")).toBe("3 correct");
    expect(formatScore(4250, "speed")).toBe("4,250 points");
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
  });
});

describe("the class's answers", () => {
  const order = ["stockholm", "hanoi", "singapore", "panmunjom"];

  it("are counted per choice, in the order the phones showed them, the key marked", () => {
    const counts = { total: "6", [choiceField("hanoi")]: "4", [choiceField("singapore")]: "2" };
    expect(distributionBars(singleQ, order, counts)).toEqual([
      { label: "Stockholm", count: 0, correct: false },
      { label: "Hanoi", count: 4, correct: false },
      { label: "Singapore", count: 2, correct: true },
      { label: "Panmunjom", count: 0, correct: false },
    ]);
    expect(mostChosenWrong(singleQ, counts)).toEqual({ label: "Hanoi", count: 4 });
  });

  it("true/false: True first", () => {
    expect(distributionBars(trueFalseQ, [], { [choiceField("true")]: "1" }).map((bar) => [bar.label, bar.count, bar.correct])).toEqual([
      ["True", 1, false],
      ["False", 0, true],
    ]);
  });

  it("orderings: right against wrong, and the most common wrong order in words", () => {
    const right = choiceField(["singapore", "hanoi", "dmz"]);
    const wrong = choiceField(["hanoi", "singapore", "dmz"]);
    const counts = { total: "5", [right]: "2", [wrong]: "3" };
    expect(distributionBars(orderQ, [], counts).map((bar) => bar.count)).toEqual([2, 3]);
    expect(mostChosenWrong(orderQ, counts)).toEqual({ label: "Hanoi → Singapore → The DMZ", count: 3 });
  });

  it("are totalled from the choices alone: an answer writes one field, and older hashes' totals are not read", () => {
    const single = { total: "99", correct: "99", opened: "1796562305074", [choiceField("hanoi")]: "4", [choiceField("singapore")]: "2" };
    expect(classTally(singleQ, single)).toEqual({ total: 6, correct: 2 });
    expect(classTally(orderQ, { [choiceField(["singapore", "hanoi", "dmz"])]: "2", [choiceField(["hanoi", "singapore", "dmz"])]: "3" })).toEqual({ total: 5, correct: 2 });
    expect(classTally(trueFalseQ, { [choiceField("false")]: "3", [choiceField("true")]: "1" })).toEqual({ total: 4, correct: 3 });
    // An estimate is right when it scores full closeness credit; counts that are not whole numbers are not counts.
    // estimateQ: 27 letters, full credit within 2.
    const exact = choiceField("27");
    const far = choiceField("60");
    expect(classTally(estimateQ, { [exact]: "5", [far]: "2", "c:oops": "x" })).toEqual({ total: 7, correct: 5 });
    expect(classTally(singleQ, {})).toEqual({ total: 0, correct: 0 });
  });

  it("has no most-chosen wrong answer when nobody was wrong", () => {
    expect(mostChosenWrong(singleQ, { total: "2", [choiceField("singapore")]: "2" })).toBeNull();
  });
});

describe("ranks", () => {
  it("are shared on equal scores (1, 2, 2, 4)", () => {
    const scores = [9, 7, 7, 3];
    expect(scores.map((score) => rankOf(score, scores))).toEqual([1, 2, 2, 4]);
    expect(rankOf(0, scores)).toBe(5);
  });

  it("the top five keeps shared ranks", () => {
    const entries = ["a", "b", "c", "d", "e", "f"].map((nickname, i) => ({ nickname, score: [5, 5, 4, 3, 3, 3][i] ?? 0 }));
    expect(standings(entries, 5).map((entry) => `${entry.rank}${entry.nickname}`)).toEqual(["1a", "1b", "3c", "4d", "4e"]);
  });
});

import { describe, expect, it } from "vitest";
import { choiceMark, orderMarks, positionName } from "@/lib/questions/marks";

describe("choiceMark", () => {
  it("marks the option chosen and the correct one, apart or together", () => {
    const wrong = { key: "singapore", chosen: "hanoi" };
    expect(choiceMark(wrong, "hanoi")).toEqual({ chosen: true, correct: false });
    expect(choiceMark(wrong, "singapore")).toEqual({ chosen: false, correct: true });
    expect(choiceMark(wrong, "dmz")).toEqual({ chosen: false, correct: false });
    expect(choiceMark({ key: "false", chosen: "false" }, "false")).toEqual({ chosen: true, correct: true });
  });
});

describe("orderMarks", () => {
  it("gives each item of the player's order the place it belongs in", () => {
    expect(orderMarks({ key: ["singapore", "hanoi", "dmz"], chosen: ["hanoi", "singapore", "dmz"] })).toEqual([
      { id: "hanoi", position: 0, correctPosition: 1 },
      { id: "singapore", position: 1, correctPosition: 0 },
      { id: "dmz", position: 2, correctPosition: 2 },
    ]);
  });
});

describe("positionName", () => {
  it("names the five positions an ordering question can have", () => {
    expect([0, 1, 2, 3, 4].map(positionName)).toEqual(["1st", "2nd", "3rd", "4th", "5th"]);
  });
});

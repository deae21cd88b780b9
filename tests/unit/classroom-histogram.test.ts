import { describe, expect, it } from "vitest";
import { estimateBins, histogramBars } from "@/lib/classroom/histogram";
import { mostChosenWrong } from "@/lib/classroom/scoring";
import type { Question } from "@/lib/questions/schemas";
import { estimateQ } from "./quiz-fixtures";

const question = estimateQ as Extract<Question, { kind: "estimate" }>;

describe("the estimate histogram", () => {
  it("covers the whole range in at most six bins", () => {
    const bins = estimateBins(question.range);
    expect(bins.length).toBeLessThanOrEqual(6);
    expect(bins[0]?.from).toBe(0);
    expect(bins.at(-1)?.to).toBe(60);
  });

  it("counts each number given in its bin and marks the figure's bin", () => {
    const bars = histogramBars(question, { total: "4", correct: "1", "c:0": "1", "c:27": "1", "c:30": "1", "c:60": "1" });
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(4);
    expect(bars.filter((bar) => bar.correct)).toEqual([{ label: "22–32 letters", count: 2, correct: true }]);
  });

  it("names the most common wrong estimate, not a right one near the figure", () => {
    expect(mostChosenWrong(question, { "c:28": "5", "c:50": "2" })).toEqual({ label: "50 letters", count: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, dashboardCsv } from "@/lib/classroom/csv";
import type { Dashboard } from "@/lib/classroom/views";

const question = (index: number, prompt: string) => ({
  index,
  id: `q${index}`,
  prompt,
  quote: undefined,
  correctAnswer: "Singapore",
  explanation: "Because.",
  sources: [],
  learnMore: { href: "/explainers/x#y", label: "X" },
  class: { share: 0.5, answered: 2 },
  mostChosenWrong: null,
  everyone: { share: null, answered: 0 },
});

const dashboard: Dashboard = {
  sessionId: "roomroomroomroomroomro",
  code: "K7QF3MZP",
  settings: { mode: "live", scoring: "accuracy", timer: 20, total: 2, deadline: null },
  phase: "ended",
  locked: false,
  version: 9,
  created: Date.UTC(2026, 4, 20, 9),
  expiresAt: Date.UTC(2026, 4, 27, 9),
  questions: [question(0, "Where, \"exactly\"?"), question(1, "-1 or +1?")],
  students: [
    {
      id: "a",
      nickname: "=HYPERLINK(\"http://evil\",\"x\")",
      removed: false,
      score: 1,
      correct: 1,
      answered: 2,
      rank: 1,
      answers: [
        { display: "Singapore", correct: true, points: 1 },
        { display: "Hanoi, Vietnam", correct: false, points: 0 },
      ],
    },
    { id: "b", nickname: "Zoë", removed: true, score: 0, correct: 0, answered: 0, rank: null, answers: [null, null] },
  ],
  class: { share: 0.5, answered: 4 },
  everyone: { share: null, answered: 0 },
};

describe("the CSV export", () => {
  const csv = dashboardCsv(dashboard);
  const lines = csv.split("\r\n");

  it("is UTF-8 with a byte-order mark and CRLF lines, so Excel opens it cleanly", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("has one row per student and one column per question", () => {
    expect(lines[0]).toBe('\uFEFF"Nickname","Status","Rank","Score","Correct","Answered","Q1: Where, ""exactly""?","Q2: -1 or +1?"');
    expect(lines[2]).toBe('"Zoë","Removed","",0,0,0,"",""');
    expect(lines.slice(3, 5)).toEqual(['"Correct answer","","","","","","Singapore","Singapore"', '"Class: % correct","","","","","","50%","50%"']);
    // header, two students, the key, the class's share, and the final line end
    expect(lines).toHaveLength(6);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(lines[1]?.startsWith(`"'=HYPERLINK(""http://evil"",""x"")","",1,1,1,2,"✓ Singapore","✗ Hanoi, Vietnam"`)).toBe(true);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell("Ann")).toBe('"Ann"');
    expect(csvCell(42)).toBe("42");
  });

  it("is named after the code and the day", () => {
    expect(csvFileName(dashboard)).toBe("classroom-K7QF-3MZP-2026-05-20.csv");
  });
});

import { describe, expect, it } from "vitest";
import { NO_ACCOMMODATIONS } from "@/lib/classroom/accommodations";
import { csvCell, csvFileName, dashboardCsv } from "@/lib/classroom/csv";
import { questionLabel, quoteOpening } from "@/lib/classroom/format";
import type { Dashboard } from "@/lib/classroom/views";

const question = (index: number, prompt: string, quote?: string) => ({
  index,
  id: `q${index}`,
  prompt,
  quote,
  label: questionLabel({ prompt, quote }),
  correctAnswer: "Singapore",
  explanation: "Because.",
  sources: [],
  learnMore: { href: "/explainers/x#y", label: "X" },
  class: { share: 0.5, answered: 2 },
  mostChosenWrong: null,
  everyone: { share: null, answered: 0 },
  correctedSince: null,
});

const dashboard: Dashboard = {
  sessionId: "roomroomroomroomroomro",
  code: "K7QF3MZP",
  settings: { mode: "live", scoring: "accuracy", timer: 20, total: 3, deadline: null },
  phase: "ended",
  locked: false,
  approval: false,
  waiting: [],
  players: [],
  now: Date.UTC(2026, 4, 20, 10),
  version: 9,
  created: Date.UTC(2026, 4, 20, 9),
  expiresAt: Date.UTC(2026, 4, 27, 9),
  questions: [
    question(0, "Where, \"exactly\"?"),
    question(1, "-1 or +1?"),
    question(2, "Who said it?", "He wrote me beautiful letters, and they're great letters. We fell in love."),
  ],
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
        null,
      ],
      accommodations: { extraTime: "2", fewerOptions: true },
    },
    { id: "b", nickname: "Zoë", removed: true, score: 0, correct: 0, answered: 0, rank: null, answers: [null, null, null], accommodations: NO_ACCOMMODATIONS },
  ],
  studentList: { active: 1, total: 2, first: 0 },
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

  it("has one row per student and one column per question, who-said questions named by their quotation", () => {
    expect(lines[0]).toBe(
      '\uFEFF"Nickname","Status","Rank","Score","Correct","Answered","Q1: Where, ""exactly""?","Q2: -1 or +1?",' +
        '"Q3: Who said “He wrote me beautiful letters, and…”?","Accommodations"',
    );
    expect(lines[2]).toBe('"Zoë","Removed","",0,0,0,"","","",""');
  });

  it("puts the questions' summary after a blank row, so sorting the students cannot mix it in", () => {
    // Excel sorts the block around the selection up to the first blank row: the student block ends at line 3.
    expect(lines[3]).toBe("");
    expect(lines.slice(0, 3).some((line) => line.includes("Correct answer"))).toBe(false);
    expect(lines.slice(4)).toEqual([
      '"Question","Correct answer","Class: % correct","Class: answered","Most-chosen wrong answer","Everyone: % correct"',
      '"Q1: Where, ""exactly""?","Singapore","50%",2,"",""',
      '"Q2: -1 or +1?","Singapore","50%",2,"",""',
      '"Q3: Who said “He wrote me beautiful letters, and…”?","Singapore","50%",2,"",""',
      "",
    ]);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"",""x"")","",1,1,1,2,"✓ Singapore","✗ Hanoi, Vietnam","","extra time ×2; fewer options"`);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell("Ann")).toBe('"Ann"');
    expect(csvCell(42)).toBe("42");
  });

  it("is named after the code and the day", () => {
    expect(csvFileName(dashboard)).toBe("classroom-K7QF-3MZP-2026-05-20.csv");
  });
});

describe("question labels", () => {
  it("name a who-said question by the opening of its quotation, cut at a word", () => {
    expect(questionLabel({ prompt: "Who said it?", quote: "He is a nuclear power. We got along." })).toBe("Who said “He is a nuclear power. We got along.”?");
    expect(quoteOpening("will be met with fire and fury like the world has never seen")).toBe("will be met with fire and fury like the…");
    expect(quoteOpening("Sometimes you have to walk, and this was just one of those times", 30)).toBe("Sometimes you have to walk…");
    expect(quoteOpening("Unbreakableunbreakableunbreakable", 10)).toBe("Unbreakabl…");
  });

  it("leave other questions as their prompt", () => {
    expect(questionLabel({ prompt: "Where did they first meet?", quote: undefined })).toBe("Where did they first meet?");
  });
});

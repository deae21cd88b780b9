import { describeAccommodations } from "./accommodations";
import { formatJoinCode } from "./code";
import { teamName } from "./team-names";
import type { Dashboard, DashboardQuestion } from "./views";

/**
 * The dashboard as a CSV for spreadsheets: one row per student, one column
 * per question, then one row per question. Written for Excel, which is the hard case:
 *
 * - UTF-8 with a byte-order mark, or Excel reads "Zoë" and "✓" as Latin-1;
 * - CRLF line ends and every text cell quoted (quotes doubled), so commas,
 *   quotes and line breaks in prompts stay in their cell;
 * - a text cell that starts with = + - @ (or a tab or carriage return) is a
 *   formula to Excel and LibreOffice; it is prefixed with an apostrophe, the
 *   OWASP-recommended neutraliser, so a nickname like `=HYPERLINK(…)` shows
 *   as typed and never runs.
 */

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const percent = (share: number | null) => (share === null ? "" : `${Math.round(share * 100)}%`);
const questionHeading = (question: DashboardQuestion) => `Q${question.index + 1}: ${question.label}`;

/** One row per student, one column per question: the block a teacher sorts. A team session adds a Team column. */
function studentBlock(dashboard: Dashboard): (string | number)[][] {
  const teams = Boolean(dashboard.settings.teams);
  const header = ["Nickname", ...(teams ? ["Team"] : []), "Status", "Rank", "Score", "Correct", "Answered", ...dashboard.questions.map(questionHeading), "Accommodations"];
  const rows = dashboard.students.map((student) => [
    student.nickname,
    ...(teams ? [student.team ? teamName(student.team) : ""] : []),
    student.removed ? "Removed" : "",
    student.rank ?? "",
    student.score,
    student.correct,
    student.answered,
    ...dashboard.questions.map((question) => {
      const answer = student.answers[question.index];
      return answer ? `${answer.correct ? "✓" : "✗"} ${answer.display}` : "";
    }),
    describeAccommodations(student.accommodations),
  ]);
  return [header, ...rows];
}

/** One row per question: the key and how the class did, as a table of its own. */
function questionBlock(dashboard: Dashboard): (string | number)[][] {
  const header = ["Question", "Correct answer", "Class: % correct", "Class: answered", "Most-chosen wrong answer", "Everyone: % correct"];
  const rows = dashboard.questions.map((question) => [
    questionHeading(question),
    question.correctAnswer,
    percent(question.class.share),
    question.class.answered,
    question.mostChosenWrong?.label ?? "",
    percent(question.everyone.share),
  ]);
  return [header, ...rows];
}

/** One row per team, highest first: the team totals. */
function teamBlock(dashboard: Dashboard): (string | number)[][] {
  if (!dashboard.teams) return [];
  const header = ["Team", "Team rank", "Team score", "Members"];
  return [[], header, ...dashboard.teams.map((team) => [team.name, team.rank, team.score, team.members])];
}

/**
 * The students, a blank row, then the questions (then, for teams, a blank row and the teams). Excel's Sort (and Filter)
 * takes the block around the selected cell up to the first blank row, so
 * sorting the students never moves a question's key into the class list.
 */
export function dashboardCsv(dashboard: Dashboard): string {
  const lines = [...studentBlock(dashboard), [], ...questionBlock(dashboard), ...teamBlock(dashboard)].map((row) => row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** "classroom-K7QF-3MZP-2026-05-20.csv" */
export function csvFileName(dashboard: Dashboard): string {
  const date = new Date(dashboard.created).toISOString().slice(0, 10);
  return `classroom-${formatJoinCode(dashboard.code).replace(" ", "-")}-${date}.csv`;
}

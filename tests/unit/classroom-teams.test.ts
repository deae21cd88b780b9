import { describe, expect, it } from "vitest";
import { createSessionSchema, joinSessionTextSchema } from "@/lib/classroom/requests";
import { teamName } from "@/lib/classroom/team-names";
import { balancedTeam, teamScore, teamStandingsNow } from "@/lib/classroom/teams";
import type { TeamSettings } from "@/lib/classroom/views";

const FOUR_FIRST: TeamSettings = { count: 4, assignment: "balanced", rule: "first" };
const FOUR_AVERAGE: TeamSettings = { ...FOUR_FIRST, rule: "average" };
const member = (team: number, removed?: string, waiting = false) => ({ team, removed, waiting });

describe("team names", () => {
  it("pair a colour with a shape, so no team depends on colour alone", () => {
    expect(teamName(1)).toBe("Team 1 · Red ▲");
    expect(teamName(8)).toBe("Team 8 · Grey ⬟");
    const markers = Array.from({ length: 8 }, (_, i) => teamName(i + 1).split(" ").at(-1));
    expect(new Set(markers).size).toBe(8);
  });
});

describe("balanced teams", () => {
  it("puts a new player in the smallest team, the lowest number on a tie", () => {
    const joined = new Map([
      [1, 2],
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
    expect(balancedTeam(FOUR_FIRST, (team) => joined.get(team) ?? 0)).toBe(2);
    expect(balancedTeam(FOUR_FIRST, () => 0)).toBe(1);
  });
});

describe("team scores", () => {
  it("'first answer': the team scores the points of its counted answers", () => {
    expect(teamScore("first", 3, 5)).toBe(3);
  });

  it("'average': the members' points over the members present, to one decimal; an empty team scores 0", () => {
    expect(teamScore("average", 3, 2)).toBe(1.5);
    expect(teamScore("average", 2, 3)).toBe(0.7);
    expect(teamScore("average", 0, 0)).toBe(0);
  });

  it("standings count only members still in the session, rank shared scores alike and list every team", () => {
    const roster = [member(1), member(1), member(2), member(2, "removed"), member(3, undefined, true), member(3)];
    const stored = [
      { member: "1", score: 3 },
      { member: "2", score: 3 },
      { member: "3", score: 1 },
    ];
    expect(teamStandingsNow(FOUR_AVERAGE, stored, roster).map((t) => [t.rank, t.team, t.score, t.members])).toEqual([
      [1, 2, 3, 1],
      [2, 1, 1.5, 2],
      [3, 3, 1, 1],
      [4, 4, 0, 0],
    ]);
    expect(teamStandingsNow(FOUR_FIRST, stored, roster).map((t) => [t.rank, t.team, t.score])).toEqual([
      [1, 1, 3],
      [1, 2, 3],
      [3, 3, 1],
      [4, 4, 0],
    ]);
  });
});

describe("team choices at the boundary", () => {
  const form = { mode: "live", length: "5", topic: "", timer: "0", scoring: "accuracy", dueInHours: "24" };

  it("a plain form's team settings are read as numbers and choices; left out, the class plays without teams", () => {
    expect(createSessionSchema.parse({ ...form, teams: "4", teamAssignment: "choice", teamRule: "average" })).toMatchObject({ teams: 4, teamAssignment: "choice", teamRule: "average" });
    expect(createSessionSchema.parse({ ...form, teams: "" }).teams).toBeUndefined();
  });

  it("refuses a number of teams outside 2–8 and an unknown rule, saying what to choose", () => {
    expect(createSessionSchema.safeParse({ ...form, teams: "9" }).error?.issues[0]?.message).toBe("Choose 2 to 8 teams, or no teams.");
    expect(createSessionSchema.safeParse({ ...form, teams: "1" }).success).toBe(false);
    expect(createSessionSchema.safeParse({ ...form, teams: "4", teamRule: "best" }).error?.issues[0]?.message).toBe("Choose whose answer scores for a team.");
  });

  it("a joining student's team is a team number, or nothing", () => {
    expect(joinSessionTextSchema.parse({ nickname: "Ann", team: "3" }).team).toBe(3);
    expect(joinSessionTextSchema.parse({ nickname: "Ann", team: "" }).team).toBeUndefined();
    expect(joinSessionTextSchema.safeParse({ nickname: "Ann", team: "0" }).error?.issues[0]?.message).toBe("Choose your team.");
    expect(joinSessionTextSchema.safeParse({ nickname: "Ann", team: "red" }).success).toBe(false);
  });
});

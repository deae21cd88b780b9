import { rankOf } from "./rank";
import { teamName } from "./team-names";
import type { TeamRule } from "./settings";
import type { TeamSettings, TeamStanding } from "./views";

/**
 * Teams in a live session: how the server balances them, and their scores.
 * Pure and client-safe. Their names are in team-names.ts.
 */
/** The teams of a session, 1 to `count`. */
export const teamNumbers = (settings: TeamSettings): number[] => Array.from({ length: settings.count }, (_, i) => i + 1);

/** The team with the fewest players so far (the lowest number on a tie), for a server-assigned join. */
export function balancedTeam(settings: TeamSettings, joined: (team: number) => number): number {
  return teamNumbers(settings).reduce((best, team) => (joined(team) < joined(best) ? team : best), 1);
}

/**
 * A team's score from the points its answers earned. "first": the points of
 * each question's first answer, added up. "average": every member's points
 * added up, over the members present (one decimal), so a bigger team has no
 * head start; the same as adding up each question's average while the team
 * stays the same.
 */
export function teamScore(rule: TeamRule, points: number, members: number): number {
  if (rule === "first") return points;
  return members > 0 ? Math.round((points / members) * 10) / 10 : 0;
}

/** Every team, highest first, with shared ranks. */
export function teamStandings(
  settings: TeamSettings,
  points: ReadonlyMap<number, number>,
  members: ReadonlyMap<number, number>,
): TeamStanding[] {
  const teams = teamNumbers(settings)
    .map((team) => ({ team, name: teamName(team), members: members.get(team) ?? 0, score: teamScore(settings.rule, points.get(team) ?? 0, members.get(team) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.team - b.team);
  const scores = teams.map((entry) => entry.score);
  return teams.map((entry) => ({ ...entry, rank: rankOf(entry.score, scores) }));
}

/**
 * Standings from the stored team points (member: the team number) and the
 * roster: a team's members are its players neither removed nor waiting.
 */
export function teamStandingsNow(
  settings: TeamSettings,
  stored: readonly { member: string; score: number }[],
  roster: readonly { team?: number | null; removed: string | undefined; waiting: boolean }[],
): TeamStanding[] {
  const points = new Map(stored.map(({ member, score }) => [Number(member), score]));
  const members = new Map<number, number>();
  for (const entry of roster) {
    if (entry.team && !entry.removed && !entry.waiting) members.set(entry.team, (members.get(entry.team) ?? 0) + 1);
  }
  return teamStandings(settings, points, members);
}

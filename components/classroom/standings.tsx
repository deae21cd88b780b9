import { RankTable } from "@/components/ui/rank-table";
import { formatScore, ordinal } from "@/lib/classroom/format";
import type { StandingEntry, TeamStanding } from "@/lib/classroom/views";
import type { Scoring } from "@/lib/classroom/settings";
import stage from "./host.module.css";
import { TeamBadge } from "./team-badge";
import styles from "./live.module.css";

/** The top five, with shared ranks. `projected`: sized for the back of a classroom. */
export function StandingsTable({
  entries,
  scoring,
  caption,
  projected = false,
}: {
  entries: StandingEntry[];
  scoring: Scoring;
  caption: string;
  projected?: boolean;
}) {
  if (entries.length === 0) return <p>No one has scored yet.</p>;
  const rows = entries.map(({ rank, nickname, score }) => ({ key: `${rank}-${nickname}`, rank, nickname, score: formatScore(score, scoring) }));
  return <RankTable rows={rows} caption={caption} className={projected ? `${styles.standings} ${stage.standings}` : styles.standings} />;
}

/**
 * The first three places at the end of a session. On the projector they
 * stand on steps, first in the middle; the list keeps the order 1st, 2nd, 3rd.
 */
export function Podium({ entries, scoring, projected = false }: { entries: StandingEntry[]; scoring: Scoring; projected?: boolean }) {
  const podium = entries.filter((entry) => entry.rank <= 3);
  if (podium.length === 0) return <p>No one scored in this session.</p>;
  return (
    <ol className={projected ? `${styles.podium} ${stage.podium}` : styles.podium} aria-label="Podium">
      {podium.map((entry) => (
        <li key={`${entry.rank}-${entry.nickname}`} data-rank={entry.rank}>
          <span className={styles.place}>{ordinal(entry.rank)}</span>
          <span>{entry.nickname}</span>
          <span className={styles.score}>{formatScore(entry.score, scoring)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Team standings as ranked entries: a team reads as its name ("Team 1 · Red ▲"). */
export const teamEntries = (teams: readonly TeamStanding[]): StandingEntry[] => teams.map(({ rank, name, score }) => ({ rank, nickname: name, score }));

/** Every team, with shared ranks; "average" teams score their members' average. */
export function TeamStandingsTable({ teams, scoring, caption, projected = false }: { teams: TeamStanding[]; scoring: Scoring; caption: string; projected?: boolean }) {
  const rows = teams.map(({ rank, team, name, score }) => ({ key: name, rank, nickname: name, label: <TeamBadge team={team} />, score: formatScore(score, scoring) }));
  return <RankTable rows={rows} caption={caption} nameHeading="Team" className={projected ? `${styles.standings} ${stage.standings}` : styles.standings} />;
}

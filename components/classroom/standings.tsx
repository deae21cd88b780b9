import { RankTable } from "@/components/ui/rank-table";
import { formatScore, ordinal } from "@/lib/classroom/format";
import type { StandingEntry } from "@/lib/classroom/views";
import type { Scoring } from "@/lib/classroom/settings";
import styles from "./live.module.css";

/** The top five, with shared ranks. */
export function StandingsTable({ entries, scoring, caption }: { entries: StandingEntry[]; scoring: Scoring; caption: string }) {
  if (entries.length === 0) return <p>No one has scored yet.</p>;
  const rows = entries.map(({ rank, nickname, score }) => ({ key: `${rank}-${nickname}`, rank, nickname, score: formatScore(score, scoring) }));
  return <RankTable rows={rows} caption={caption} className={styles.standings} />;
}

/** The first three places at the end of a session. */
export function Podium({ entries, scoring }: { entries: StandingEntry[]; scoring: Scoring }) {
  const podium = entries.filter((entry) => entry.rank <= 3);
  if (podium.length === 0) return <p>No one scored in this session.</p>;
  return (
    <ol className={styles.podium} aria-label="Podium">
      {podium.map((entry) => (
        <li key={`${entry.rank}-${entry.nickname}`}>
          <span className={styles.place}>{ordinal(entry.rank)}</span>
          <span>{entry.nickname}</span>
          <span className={styles.score}>{formatScore(entry.score, scoring)}</span>
        </li>
      ))}
    </ol>
  );
}

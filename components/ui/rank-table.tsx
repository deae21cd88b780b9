import type { ReactNode } from "react";

/** One place in a ranking, its score already written as the reader should see it. */
export interface RankRow {
  key: string;
  rank: number;
  nickname: string;
  /** Shown instead of the nickname (a team's badge). */
  label?: ReactNode;
  score: string;
  /** The reader's own entry. */
  you?: boolean;
}

/** A ranking (the quiz leaderboards, a class's standings); the caption names it for screen readers. `nameHeading`: what the names are (teams). */
export function RankTable({ rows, caption, className, nameHeading = "Nickname" }: { rows: RankRow[]; caption: string; className?: string; nameHeading?: string }) {
  return (
    <table className={className ? `rank-table ${className}` : "rank-table"}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">{nameHeading}</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} aria-current={row.you ? "true" : undefined}>
            <td>{row.rank}</td>
            <td>
              {row.label ?? row.nickname}
              {row.you && <strong> (you)</strong>}
            </td>
            <td>{row.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

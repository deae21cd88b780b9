import type { LeaderboardEntry } from "@/lib/quiz";

export function LeaderboardTable({ entries, caption }: { entries: LeaderboardEntry[]; caption: string }) {
  if (entries.length === 0) {
    return <p className="meta">No one has added a nickname yet. Finish a quiz and be the first.</p>;
  }
  return (
    <table className="leaderboard">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Nickname</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.rank} aria-current={entry.you ? "true" : undefined}>
            <td>{entry.rank}</td>
            <td>
              {entry.nickname}
              {entry.you && <strong> (you)</strong>}
            </td>
            <td>
              {entry.score}/{entry.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

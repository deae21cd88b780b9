import { RankTable } from "@/components/ui/rank-table";
import type { LeaderboardEntry } from "@/lib/quiz/views";

export function LeaderboardTable({ entries, caption }: { entries: LeaderboardEntry[]; caption: string }) {
  if (entries.length === 0) {
    return <p className="meta">No one has added a nickname yet. Finish a quiz and be the first.</p>;
  }
  const rows = entries.map(({ rank, nickname, score, length, you }) => ({ key: String(rank), rank, nickname, score: `${score}/${length}`, you }));
  return <RankTable rows={rows} caption={caption} />;
}

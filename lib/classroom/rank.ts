/** Ranks, in a module of their own: the phone finds its own rank with it (lib/classroom/follow.ts), without the scoring code. */

/** Shared ("1, 2, 2, 4") rank of a score among all scores: 1 + how many are strictly higher. */
export function rankOf(score: number, scoresHighestFirst: readonly number[]): number {
  let higher = 0;
  for (const other of scoresHighestFirst) {
    if (other > score) higher += 1;
    else break;
  }
  return higher + 1;
}

/**
 * Percentiles from score buckets: one hash per quiz length, field = score,
 * value = how many finished players got it. A quiz of N questions has at
 * most N + 1 distinct scores (≤ 21), so reading and summing the buckets
 * costs the same whether ten or ten million people have played.
 */

export type ScoreBuckets = ReadonlyMap<number, number>;

export interface Percentile {
  /** Share (0–1) of finished players with a strictly lower score, this player included in the total. */
  share: number;
  /** Finished players counted, this player included once they are finished. */
  total: number;
  /** Players with a strictly lower score. */
  below: number;
  /** Players with a strictly higher score; the rest of `total` tied with this player (them included). */
  above: number;
}

/** Parses a stored hash; ignores fields or counts that are not non-negative integers. */
export function parseBuckets(hash: Readonly<Record<string, string>>): ScoreBuckets {
  const buckets = new Map<number, number>();
  for (const [field, value] of Object.entries(hash)) {
    const score = Number(field);
    const count = Number(value);
    if (Number.isInteger(score) && score >= 0 && Number.isInteger(count) && count > 0) {
      buckets.set(score, count);
    }
  }
  return buckets;
}

export function percentile(buckets: ScoreBuckets, score: number): Percentile {
  let total = 0;
  let below = 0;
  let above = 0;
  for (const [bucketScore, count] of buckets) {
    total += count;
    if (bucketScore < score) below += count;
    if (bucketScore > score) above += count;
  }
  return { share: total === 0 ? 0 : below / total, total, below, above };
}

/** "Better than 73% of players" — whole percent, rounded down so 99.6% never shows as 100%. */
export function percentLabel(result: Percentile): number {
  return Math.floor(result.share * 100);
}

const count = (n: number) => n.toLocaleString("en-GB");
const people = (n: number) => (n === 1 ? "one other person" : `${count(n)} other people`);

/**
 * Where a finished player stands among the others who finished a quiz of
 * `length` questions, in words that stay true on a tie: "higher than 0%"
 * would read as last to someone who tied with everyone. Counts are of the
 * others (the player is in `total`). The percentage is of the others they
 * scored as well as or better than, kept strictly between 0 and 100 when
 * it is neither, so rounding never claims "none" or "all".
 */
export function standingSentence(result: Percentile, length: number): string {
  const others = result.total - 1;
  const quiz = `a ${length}-question quiz`;
  if (others <= 0) return `You are the first person to finish ${quiz}.`;
  const tiedOthers = others - result.below - result.above;
  if (result.above === 0 && result.below === 0) return `You scored the same as everyone so far: the ${people(others)} who finished ${quiz}.`;
  if (result.above === 0) {
    return tiedOthers === 0
      ? `You have the top score so far: higher than the ${people(others)} who finished ${quiz}.`
      : `You share the top score so far with ${count(tiedOthers)} of the ${people(others)} who finished ${quiz}.`;
  }
  if (result.below === 0 && tiedOthers === 0) return `The ${people(others)} who finished ${quiz} scored higher so far.`;
  const atLeast = (result.below + tiedOthers) / others;
  const percent = Math.min(99, Math.max(1, Math.floor(atLeast * 100)));
  return tiedOthers === 0
    ? `You scored higher than ${percent}% of the ${people(others)} who finished ${quiz}.`
    : `You scored as well as or better than ${percent}% of the ${people(others)} who finished ${quiz}.`;
}

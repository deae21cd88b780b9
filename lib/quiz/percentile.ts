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
  for (const [bucketScore, count] of buckets) {
    total += count;
    if (bucketScore < score) below += count;
  }
  return { share: total === 0 ? 0 : below / total, total, below };
}

/** "Better than 73% of players" — whole percent, rounded down so 99.6% never shows as 100%. */
export function percentLabel(result: Percentile): number {
  return Math.floor(result.share * 100);
}

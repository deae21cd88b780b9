import { percentLabel, type Percentile } from "@/lib/quiz/percentile";
import { QUIZ_NAME } from "./share-line";

/**
 * What a result's share image and public page say, from the public summary
 * of the result (never its answers).
 */

export interface ResultCard {
  score: number;
  total: number;
  marks: boolean[];
  /** Only when the player chose one for the leaderboard. */
  nickname: string | undefined;
  /** "Higher than 72% of players". */
  standing: string;
}

/** How the score compares, in words; percentages are floored, so 99.6% never reads as 100%. */
export function standingLine(percentile: Percentile): string {
  if (percentile.total <= 1) return "The first to finish this quiz";
  const percent = percentLabel(percentile);
  return percent === 0
    ? `One of ${percentile.total.toLocaleString("en-GB")} players so far`
    : `Higher than ${percent}% of players`;
}

export function resultCard(summary: {
  score: number;
  total: number;
  marks: boolean[];
  nickname: string | undefined;
  percentile: Percentile;
}): ResultCard {
  const { score, total, marks, nickname, percentile } = summary;
  return { score, total, marks, nickname, standing: standingLine(percentile) };
}

/** "Sam scored 8/10 on the Trump and Kim quiz", for titles and image descriptions. */
export function resultHeadline(card: Pick<ResultCard, "score" | "total" | "nickname">): string {
  return `${card.nickname ?? "A player"} scored ${card.score}/${card.total} on the ${QUIZ_NAME}`;
}

/**
 * A short fingerprint of everything the image shows (FNV-1a, 32 bits). The
 * score never changes, but the standing moves as others play and a
 * nickname may be added later: the image URL carries this version, so each
 * URL can be cached for a year and a changed card gets a new URL.
 */
export function cardVersion(card: ResultCard): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(card)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

import type { Scoring } from "./settings";

/** How scores and ranks read on screens; client-safe. */

export function formatScore(score: number, scoring: Scoring): string {
  if (scoring === "accuracy") return `${score} correct`;
  return `${score.toLocaleString("en-GB")} point${score === 1 ? "" : "s"}`;
}

const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = { one: "st", two: "nd", few: "rd", other: "th", zero: "th", many: "th" };
const ordinalRules = new Intl.PluralRules("en-GB", { type: "ordinal" });

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)]}`;
}

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

/** The longest opening of a quotation used to tell "Who said it?" questions apart. */
const QUOTE_OPENING_CHARS = 40;

/**
 * The first words of a quotation, cut at a word boundary with an ellipsis:
 * "He wrote me beautiful letters, and they're great letters." → "He wrote me beautiful letters, and…".
 */
export function quoteOpening(quote: string, max = QUOTE_OPENING_CHARS): string {
  const text = quote.trim().replace(/\s+/g, " ");
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const boundary = cut.lastIndexOf(" ");
  const words = (boundary > 0 ? cut.slice(0, boundary) : text.slice(0, max)).replace(/[\s,;:.!?—–-]+$/, "");
  return `${words}…`;
}

/**
 * A question as a row or column heading: its prompt, except that every
 * "Who said it?" question reads the same, so those are named by their quotation.
 */
export function questionLabel({ prompt, quote }: { prompt: string; quote?: string | undefined }): string {
  return quote === undefined ? prompt : `Who said “${quoteOpening(quote)}”?`;
}

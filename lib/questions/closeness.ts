import type { Closeness, EstimateQuestion, EstimateRange } from "./schemas";

/**
 * Closeness scoring of estimate questions. Pure and client-safe.
 *
 * How partial marks count: everywhere a score is a count of right answers
 * (the solo score, leaderboards, percentiles, classroom accuracy points and
 * speed points), an estimate is right only at full closeness (within ±full
 * of the figure). A closer-than-±none answer is "Close" in the feedback but
 * scores as a miss, so every score stays a whole number of right answers
 * and compares fairly with the other four kinds.
 */

/** 1 within ±full of the figure, 0 at ±none or further, linear in between. */
export function closenessCredit(question: Pick<EstimateQuestion, "answer" | "closeness">, value: number): number {
  const distance = Math.abs(value - question.answer);
  const { full, none } = question.closeness;
  if (distance <= full) return 1;
  if (distance >= none) return 0;
  return (none - distance) / (none - full);
}

export function closenessOf(credit: number): Closeness {
  return credit >= 1 ? "full" : credit > 0 ? "partial" : "none";
}

/** "27 letters"; numbers in the reader's grouping ("10,000 troops"). */
export function withUnit(value: number, unit: string): string {
  return `${value.toLocaleString("en-GB")} ${unit}`;
}

/** "From 0 to 60 letters", with the step when it is not 1: what the fields, the projector and refusals say. */
export function estimateSpan(range: EstimateRange, unit: string): string {
  const steps = range.step === 1 ? "" : `, in steps of ${range.step.toLocaleString("en-GB")}`;
  return `From ${range.min.toLocaleString("en-GB")} to ${withUnit(range.max, unit)}${steps}`;
}

/** The refusal for an estimate outside its slider or between its steps, naming both. */
export function rangeMessage(range: EstimateRange, unit: string): string {
  return `Give a number ${estimateSpan(range, unit).replace(/^From/, "from")}.`;
}

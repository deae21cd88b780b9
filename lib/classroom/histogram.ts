import { withUnit } from "@/lib/questions/closeness";
import type { EstimateQuestion } from "@/lib/questions/schemas";
import type { DistributionBar } from "./views";

/**
 * An estimate's answers as a histogram: equal bins across the slider's
 * range, the bin holding the sourced figure marked as the right one. The
 * distribution hash counts each number given (`c:{number}`, like a choice),
 * so the bins are drawn when the class's answers are read, not stored.
 */

/** Few enough bins that each bar's label fits one line on a phone. */
const MAX_BINS = 6;

interface Bin {
  from: number;
  to: number;
}

/** Bins of whole steps covering min..max, the last one ending at max. */
export function estimateBins(range: EstimateQuestion["range"]): Bin[] {
  const steps = Math.round((range.max - range.min) / range.step) + 1;
  const stepsPerBin = Math.ceil(steps / MAX_BINS);
  const bins: Bin[] = [];
  for (let first = 0; first < steps; first += stepsPerBin) {
    const last = Math.min(steps - 1, first + stepsPerBin - 1);
    bins.push({ from: range.min + first * range.step, to: range.min + last * range.step });
  }
  return bins;
}

function binLabel(bin: Bin, unit: string): string {
  return bin.from === bin.to ? withUnit(bin.from, unit) : `${bin.from.toLocaleString("en-GB")}–${withUnit(bin.to, unit)}`;
}

/** One bar per bin, counting the `c:{number}` fields that fall in it. */
export function histogramBars(question: EstimateQuestion, counts: Readonly<Record<string, string>>): DistributionBar[] {
  const given = Object.entries(counts).flatMap(([field, value]) => {
    const n = Number(value);
    return field.startsWith("c:") && n > 0 ? [{ value: Number(field.slice(2)), count: n }] : [];
  });
  const within = (bin: Bin, value: number) => value >= bin.from && value <= bin.to;
  return estimateBins(question.range).map((bin) => ({
    label: binLabel(bin, question.unit),
    count: given.filter(({ value }) => within(bin, value)).reduce((sum, { count }) => sum + count, 0),
    correct: within(bin, question.answer),
  }));
}

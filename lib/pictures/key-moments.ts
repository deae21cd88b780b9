import { fractionalYear, linearScale, round1 } from "./scale";

/**
 * Geometry of the home page's vertical timeline: years down the left, a dot per
 * moment on the line, and its label to the right, pushed down when two moments
 * fall close together (a leader line joins label and dot).
 */

export const MOMENTS_BOX = { width: 360, top: 16, bottom: 16, unitsPerYear: 46, lineX: 62, labelX: 84 } as const;
export const MOMENTS_FONT_SIZE = 15;
/** A label's line height: labels are never closer than this. */
const LABEL_GAP = 19;

export interface MomentMark {
  timelineId: string;
  label: string;
  dotY: number;
  labelY: number;
}

export interface MomentsLayout {
  height: number;
  years: { year: number; y: number }[];
  moments: MomentMark[];
}

export function layoutKeyMoments(moments: readonly { timelineId: string; label: string; date: string }[]): MomentsLayout {
  const { top, bottom, unitsPerYear } = MOMENTS_BOX;
  const dates = moments.map((m) => fractionalYear(m.date.length === 7 ? `${m.date}-01` : m.date));
  const firstYear = Math.floor(Math.min(...dates));
  const lastYear = Math.floor(Math.max(...dates)) + 1;
  const toY = linearScale([firstYear, lastYear], [top, top + (lastYear - firstYear) * unitsPerYear]);
  let lastLabelY = -Infinity;
  const marks = moments.map((m, i) => {
    const dotY = toY(dates[i] ?? firstYear);
    const labelY = Math.max(dotY, lastLabelY + LABEL_GAP);
    lastLabelY = labelY;
    return { timelineId: m.timelineId, label: m.label, dotY: round1(dotY), labelY: round1(labelY) };
  });
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => ({
    year: firstYear + i,
    y: round1(toY(firstYear + i)),
  }));
  const height = Math.ceil(Math.max(toY(lastYear), lastLabelY) + bottom);
  return { height, years, moments: marks };
}

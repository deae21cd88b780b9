import { fractionalYear, linearScale, niceMax, round1 } from "./scale";
import type { MissileYear } from "./schemas";

/**
 * Geometry of the missile chart in SVG user units. The view box is narrow
 * (360 wide) so that text of FONT_SIZE units still renders at 12 px or more
 * when the chart shrinks to a 320 px phone screen.
 */

export const CHART_BOX = { width: 360, height: 250, top: 34, right: 8, bottom: 30, left: 34 } as const;
export const CHART_FONT_SIZE = 15;
const TICK_STEP = 20;
const BAR_SHARE = 0.6;

export interface Bar {
  year: number;
  /** Null: no sourced figure, drawn as a "?" instead of a bar. */
  missiles: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the year's band, for its labels. */
  labelX: number;
}

export interface SummitMark {
  number: number;
  timelineId: string;
  x: number;
}

export interface ChartLayout {
  bars: Bar[];
  ticks: { value: number; y: number }[];
  summits: SummitMark[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export function layoutMissileChart(years: readonly MissileYear[], summits: readonly { id: string; date: string }[]): ChartLayout {
  const { width, height, top, right, bottom, left } = CHART_BOX;
  const plot = { left, right: width - right, top, bottom: height - bottom };
  const first = years[0]?.year ?? 0;
  const yearX = linearScale([first, first + years.length], [plot.left, plot.right]);
  const band = (plot.right - plot.left) / Math.max(years.length, 1);
  const max = niceMax(Math.max(0, ...years.map((y) => y.missiles ?? 0)), TICK_STEP);
  const valueY = linearScale([0, max], [plot.bottom, plot.top]);
  const bars = years.map(({ year, missiles }) => {
    const y = valueY(missiles ?? 0);
    return {
      year,
      missiles,
      x: round1(yearX(year) + (band * (1 - BAR_SHARE)) / 2),
      y: round1(y),
      width: round1(band * BAR_SHARE),
      height: round1(plot.bottom - y),
      labelX: round1(yearX(year) + band / 2),
    };
  });
  const ticks = Array.from({ length: max / TICK_STEP + 1 }, (_, i) => ({
    value: i * TICK_STEP,
    y: round1(valueY(i * TICK_STEP)),
  }));
  const marks = summits.map((s, i) => ({ number: i + 1, timelineId: s.id, x: round1(yearX(fractionalYear(s.date))) }));
  return { bars, ticks, summits: marks, plot };
}

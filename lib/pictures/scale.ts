/** A linear map from a data interval onto a drawing interval (SVG user units). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The smallest multiple of `step` at or above `value` (at least one step, so an all-zero chart still has height). */
export function niceMax(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

/** The year with its fraction elapsed, e.g. 2018-06-12 → about 2018.44; day-precision ISO dates in UTC. */
export function fractionalYear(isoDay: string): number {
  const date = new Date(`${isoDay}T00:00:00Z`);
  const year = date.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (date.getTime() - start) / (end - start);
}

/** SVG coordinates to one decimal: enough at any size the pictures are shown, and shorter HTML. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

import type { OptionLabel } from "@/lib/questions/read-aloud";

/**
 * The shape and colour of each answer position, the same on the projector
 * and on every phone, so a student matches "the blue diamond" at a glance;
 * the shape carries it for students who cannot tell the colours apart.
 * Colours keep white text at 4.5:1 or more.
 */
export const OPTION_MARKS = [
  { shape: "triangle", name: "Triangle", colour: "#b42318" },
  { shape: "diamond", name: "Diamond", colour: "#1d4ed8" },
  { shape: "circle", name: "Circle", colour: "#8a4b00" },
  { shape: "square", name: "Square", colour: "#166534" },
  { shape: "star", name: "Star", colour: "#6b21a8" },
] as const;

export type OptionMarkInfo = (typeof OPTION_MARKS)[number];

/** The mark for the option at `position` (wraps round if a question ever has more options than marks). */
export function optionMark(position: number): OptionMarkInfo {
  return OPTION_MARKS[position % OPTION_MARKS.length] ?? OPTION_MARKS[0];
}

/** The option at `position` named aloud by its shape, as the projector shows it: "Triangle". */
export const shapeLabel: OptionLabel = (position) => optionMark(position).name;

const PATHS: Record<OptionMarkInfo["shape"], string> = {
  triangle: "M12 3 L22 21 H2 Z",
  diamond: "M12 2 L22 12 L12 22 L2 12 Z",
  circle: "M12 2 a10 10 0 1 0 0.01 0 Z",
  square: "M3 3 H21 V21 H3 Z",
  star: "M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z",
};

/** The shape as a decorative icon: the option's text, next to it, is what a screen reader reads. */
export function OptionMark({ position, className }: { position: number; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" className={className}>
      <path d={PATHS[optionMark(position).shape]} fill="currentColor" />
    </svg>
  );
}

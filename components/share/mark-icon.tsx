/**
 * A tick or a cross: the same drawing in the pages and in the share images,
 * so a result looks alike wherever it is seen. Drawn rather than emoji,
 * which not every system has a font for.
 */
export const MARK_PATHS = {
  right: "M4 12.5l5 5L20 6.5",
  wrong: "M6 6l12 12M18 6L6 18",
} as const;

/** Decorative: the text next to it says right or wrong. */
export function MarkIcon({ right, size, color }: { right: boolean; size: number; color: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={right ? MARK_PATHS.right : MARK_PATHS.wrong}
        stroke={color}
        strokeWidth={3.5}
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

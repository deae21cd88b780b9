import type { ReactNode } from "react";
import { SITE_NAME } from "@/lib/site";

/**
 * The frame every share image shares, drawn by next/og (Satori): flexbox
 * and inline styles only. It has to read on a 300-pixel-wide preview, so:
 * a dark ground with light text, few words in large type, and the
 * built-in font drawn heavier with a stroke (it ships one weight).
 * No emoji or characters outside Latin: Satori would fetch glyphs from the
 * network, which a build or a server without internet cannot.
 */

export const INK = "#14171c";
export const PAPER = "#f4f2ed";
export const MUTED = "#b9bec7";
export const ACCENT = "#8fb3ff";
export const GOOD = "#2f9e57";
export const BAD = "#c8372b";

/** Satori has no bold for the bundled font: a stroke of the text colour thickens the strokes. */
export const heavy = (px: number, color: string = PAPER) => ({ WebkitTextStroke: `${px}px ${color}`, color });

export function Frame({ eyebrow, children, footer }: { eyebrow: string; children: ReactNode; footer?: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        background: INK,
        color: PAPER,
        fontSize: 36,
      }}
    >
      <div style={{ width: 20, height: "100%", background: ACCENT }} />
      <div style={{ flex: 1, display: "flex", flexDirection: "column", padding: "56px 72px 48px 64px" }}>
        <div style={{ fontSize: 38, ...heavy(1, ACCENT) }}>{eyebrow}</div>
        <div style={{ flex: 1, display: "flex", flexDirection: "column", justifyContent: "center" }}>{children}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 30, color: MUTED }}>
          {/* The brand, unless the eyebrow already is. */}
          <span>{eyebrow === SITE_NAME ? "" : SITE_NAME}</span>
          {footer && <span>{footer}</span>}
        </div>
      </div>
    </div>
  );
}

/**
 * Text the bundled font can draw: Latin with its accents, Cyrillic,
 * Vietnamese and common punctuation. Anything else (emoji, other scripts)
 * would make Satori fetch a font or emoji image over the network, sending
 * the text to a third party and failing where there is no internet.
 */
const IN_FONT = /^[\u0020-\u007e\u00a0-\u017f\u0400-\u045f\u1ea0-\u1ef9\u2013\u2014\u2018-\u201e\u2026]*$/;
export const inFont = (text: string) => IN_FONT.test(text);

/** At most `max` characters, cut at a word, so a long line never runs off the card. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

import type { ResultCard as ResultCardData } from "@/lib/share/result-card";
import { QUIZ_NAME } from "@/lib/share/share-line";
import { MarkIcon } from "../mark-icon";
import { BAD, Frame, GOOD, heavy, inFont, PAPER } from "./frame";

/** A tick or a cross on a coloured tile: shape and colour both tell right from wrong. */
function Mark({ right, size }: { right: boolean; size: number }) {
  return (
    <div
      style={{
        width: size,
        height: size,
        borderRadius: size / 6,
        background: right ? GOOD : BAD,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
      }}
    >
      <MarkIcon right={right} size={size * 0.62} color={PAPER} />
    </div>
  );
}

/** "8/10 — higher than 72% of players" with a row of marks; the nickname only if the player chose one. */
export function ResultCard({ card }: { card: ResultCardData }) {
  // Twenty tiles still fit one row of the 1,044 px content width.
  const size = card.marks.length > 10 ? 42 : 64;
  // A nickname the font cannot draw is left off the image (the page still shows it).
  const name = card.nickname !== undefined && inFont(card.nickname) ? card.nickname : undefined;
  return (
    <Frame eyebrow={name ? `${name} · ${QUIZ_NAME}` : QUIZ_NAME} footer="Can you beat it?">
      {/* One string: Satori wants a flex container for several text children. */}
      <div style={{ fontSize: 180, lineHeight: 1, ...heavy(5) }}>{`${card.score}/${card.total}`}</div>
      <div style={{ fontSize: 56, marginTop: 12, ...heavy(1.5) }}>{card.standing}</div>
      <div style={{ display: "flex", gap: size / 5, marginTop: 36 }}>
        {card.marks.map((right, index) => (
          <Mark key={index} right={right} size={size} />
        ))}
      </div>
    </Frame>
  );
}

import type { ReactNode } from "react";
import type { PageCard as PageCardText } from "@/lib/share/images";
import { clip, Frame, heavy, MUTED } from "./frame";

/** A page's share image: section, title, one line of context, and a picture beside them when one helps. */
export function PageCard({ card, footer, picture }: { card: PageCardText; footer?: string; picture?: ReactNode }) {
  const text = (
    <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
      <div style={{ fontSize: picture ? 60 : 76, lineHeight: 1.12, ...heavy(2) }}>{clip(card.title, 80)}</div>
      <div style={{ fontSize: 36, lineHeight: 1.3, color: MUTED, marginTop: 28 }}>
        {clip(card.subtitle, picture ? 80 : 110)}
      </div>
    </div>
  );
  return (
    <Frame eyebrow={card.eyebrow} footer={footer}>
      {picture ? (
        <div style={{ display: "flex", alignItems: "center", gap: 48 }}>
          {text}
          {picture}
        </div>
      ) : (
        text
      )}
    </Frame>
  );
}

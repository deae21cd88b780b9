import type { PageCard as PageCardText } from "@/lib/share/images";
import { clip, Frame, heavy, MUTED } from "./frame";

/** A page's share image: section, title, one line of context. */
export function PageCard({ card, footer }: { card: PageCardText; footer?: string }) {
  return (
    <Frame eyebrow={card.eyebrow} footer={footer}>
      <div style={{ fontSize: 76, lineHeight: 1.12, ...heavy(2) }}>{clip(card.title, 80)}</div>
      <div style={{ fontSize: 36, lineHeight: 1.3, color: MUTED, marginTop: 28 }}>{clip(card.subtitle, 110)}</div>
    </Frame>
  );
}

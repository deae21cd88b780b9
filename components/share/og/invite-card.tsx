import { ACCENT, Frame, heavy, MUTED } from "./frame";

/** A classroom invitation: the join code, as large as the card allows. */
export function InviteCard({ code, host }: { code: string; host: string }) {
  return (
    <Frame eyebrow="Class quiz" footer={host}>
      <div style={{ fontSize: 52, ...heavy(1.5) }}>Join with the code</div>
      <div style={{ fontSize: 160, lineHeight: 1.05, letterSpacing: 10, marginTop: 8, ...heavy(5, ACCENT) }}>{code}</div>
      <div style={{ fontSize: 36, color: MUTED, marginTop: 16 }}>Open the link on your phone and pick a nickname</div>
    </Frame>
  );
}

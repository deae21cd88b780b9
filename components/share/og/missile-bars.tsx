import type { MissileYear } from "@/lib/pictures/schemas";
import { ACCENT, MUTED, PAPER } from "./frame";

const BAR_AREA = 190;

/** The missile chart for a share image: flex boxes, which Satori draws reliably; "?" where no figure is sourced. */
export function MissileBars({ years }: { years: readonly MissileYear[] }) {
  const max = Math.max(1, ...years.map((y) => y.missiles ?? 0));
  return (
    <div style={{ display: "flex", flexDirection: "column", width: 380 }}>
      <div style={{ display: "flex", alignItems: "flex-end", height: BAR_AREA + 40, gap: 12 }}>
        {years.map(({ year, missiles }) => (
          <div key={year} style={{ flex: 1, display: "flex", flexDirection: "column", alignItems: "center" }}>
            <span style={{ fontSize: 28, color: PAPER }}>{missiles ?? "?"}</span>
            <div style={{ width: "100%", height: Math.round(((missiles ?? 0) / max) * BAR_AREA), background: ACCENT }} />
          </div>
        ))}
      </div>
      <div style={{ display: "flex", gap: 12, borderTop: `2px solid ${MUTED}`, paddingTop: 6 }}>
        {years.map(({ year }) => (
          <span key={year} style={{ flex: 1, textAlign: "center", fontSize: 22, color: MUTED }}>
            {`’${String(year).slice(2)}`}
          </span>
        ))}
      </div>
      <div style={{ fontSize: 22, color: MUTED, marginTop: 8 }}>Ballistic missiles fired per year</div>
    </div>
  );
}

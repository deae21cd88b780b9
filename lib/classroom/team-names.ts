/**
 * A team is a number, 1 to 8. Its name pairs a colour with a shape, so a
 * team never depends on colour alone: "Team 1 · Red ▲". Its own module,
 * free of imports, because the phones' join form and badges need only this.
 */
export const TEAM_LOOKS = [
  { colour: "Red", marker: "▲" },
  { colour: "Blue", marker: "●" },
  { colour: "Green", marker: "■" },
  { colour: "Orange", marker: "◆" },
  { colour: "Purple", marker: "★" },
  { colour: "Teal", marker: "✚" },
  { colour: "Pink", marker: "♥" },
  { colour: "Grey", marker: "⬟" },
] as const;

export function teamName(team: number): string {
  const look = TEAM_LOOKS[team - 1];
  return look ? `Team ${team} · ${look.colour} ${look.marker}` : `Team ${team}`;
}

import { teamName } from "@/lib/classroom/team-names";
import styles from "./teams.module.css";

const TEAM_CLASSES = [styles.team1, styles.team2, styles.team3, styles.team4, styles.team5, styles.team6, styles.team7, styles.team8];

/** A team's name on its colour: "Team 1 · Red ▲". */
export function TeamBadge({ team }: { team: number }) {
  return <span className={`${styles.badge} ${TEAM_CLASSES[team - 1] ?? ""}`}>{teamName(team)}</span>;
}

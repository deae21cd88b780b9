import type { HostView, RosterEntry } from "@/lib/classroom/views";
import { HostActionForm } from "./host-action-form";
import styles from "./host.module.css";

/** Who has joined, in join order, each with a button to remove them. */
export function Roster({
  sessionId,
  players,
  from,
  onDone,
}: {
  sessionId: string;
  players: RosterEntry[];
  from: "projector" | "dashboard";
  onDone?: (view: HostView) => void;
}) {
  if (players.length === 0) return <p className="meta">No one has joined yet.</p>;
  return (
    <ul className={styles.roster} aria-label="Players">
      {players.map((player) => (
        <li key={player.id}>
          {player.nickname}
          <HostActionForm
            sessionId={sessionId}
            action="remove"
            version={0}
            playerId={player.id}
            from={from}
            className={styles.remove}
            confirm={`Remove ${player.nickname} from this session? They will not be able to rejoin.`}
            onDone={onDone}
          >
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">Remove {player.nickname}</span>
          </HostActionForm>
        </li>
      ))}
    </ul>
  );
}

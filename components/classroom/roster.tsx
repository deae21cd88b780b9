import { HOST_LISTS } from "@/lib/classroom/settings";
import type { HostView, RosterEntry } from "@/lib/classroom/views";
import { HostActionForm } from "./host-action-form";
import styles from "./host.module.css";

/**
 * Who has joined, in join order, each with a button to remove them: the latest
 * 100, after a count of the earlier ones, so an assembly's roster stays light
 * and a name that just joined is always on it.
 */
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
  const earlier = Math.max(0, players.length - HOST_LISTS.rosterNamed);
  return (
    <>
      {earlier > 0 && <p className="meta">{earlier.toLocaleString("en-GB")} joined before the players named here.</p>}
      <ul className={styles.roster} aria-label="Players">
        {players.slice(earlier).map((player) => (
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
    </>
  );
}

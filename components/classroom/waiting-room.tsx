import { HOST_LISTS, WAITING_ROOM } from "@/lib/classroom/settings";
import type { HostView, RosterEntry } from "@/lib/classroom/views";
import { HostActionForm } from "./host-action-form";
import styles from "./waiting-room.module.css";

const players = (n: number) => (n === 1 ? "1 player" : `${n} players`);

/**
 * Who gets in, under the teacher's control (lib/classroom/waiting-room.ts):
 * the "Ask me first" toggle, the players waiting with "Let all in" and
 * "Turn all away" (one action each) and a button per player (the first 50:
 * an assembly's others are counted), and a one-action clear of a burst of
 * players who joined in the last minute. Every action
 * refers to what this screen showed (`seenAt`), never to players who came since.
 * A server component on the dashboard, a part of the projector's client one.
 */
export function WaitingRoom({
  sessionId,
  approval,
  waiting,
  seated,
  seenAt,
  from,
  onDone,
}: {
  sessionId: string;
  approval: boolean;
  waiting: RosterEntry[];
  seated: RosterEntry[];
  /** Server time of the view this is drawn from. */
  seenAt: number;
  from: "projector" | "dashboard";
  onDone?: (view: HostView) => void;
}) {
  const act = { sessionId, version: 0, from, onDone, seenAt };
  const recent = seated.filter((player) => player.joinedAt > seenAt - WAITING_ROOM.burstMs).length;
  const n = waiting.length;
  return (
    <section className={styles.room} aria-labelledby={`waiting-${from}`}>
      <h2 id={`waiting-${from}`} className={styles.heading}>
        {n > 0 ? `Waiting to join: ${n}` : "Who can join"}
      </h2>
      <div className={styles.row}>
        <HostActionForm action={approval ? "stop-asking" : "ask"} pressed={approval} className={`button button--secondary ${styles.toggle}`} {...act}>
          <span aria-hidden="true" className={styles.mark}>
            {approval ? "✓" : ""}
          </span>
          Ask me before letting new players in
        </HostActionForm>
      </div>
      <p className="meta">
        {approval
          ? "New players wait here until you let them in."
          : `New players join at once, except many from one network: after ${WAITING_ROOM.straightInSeats}, they wait here for you.`}
      </p>
      {n > 0 && (
        <>
          <div className={styles.row}>
            <HostActionForm action="admit-all" {...act}>
              Let all {n} in
            </HostActionForm>
            <HostActionForm
              action="turn-away-all"
              className="button button--secondary"
              confirm={`Turn all ${players(n)} away? They will not be able to join under these names.`}
              {...act}
            >
              Turn all {n} away
            </HostActionForm>
          </div>
          <ul className={styles.list} aria-label="Players waiting to join">
            {waiting.slice(0, HOST_LISTS.waitingNamed).map((player) => (
              <li key={player.id}>
                <span className={styles.name}>{player.nickname}</span>
                <HostActionForm action="admit" playerId={player.id} className={`button button--secondary ${styles.small}`} {...act}>
                  Let in<span className="visually-hidden"> {player.nickname}</span>
                </HostActionForm>
                <HostActionForm action="turn-away" playerId={player.id} className={`button button--secondary ${styles.small}`} {...act}>
                  Turn away<span className="visually-hidden"> {player.nickname}</span>
                </HostActionForm>
              </li>
            ))}
          </ul>
          {n > HOST_LISTS.waitingNamed && (
            <p className="meta">{n - HOST_LISTS.waitingNamed} more waiting after these. “Let all in” and “Turn all away” include them.</p>
          )}
        </>
      )}
      {recent >= 2 && (
        <div className={styles.row}>
          <HostActionForm
            action="remove-recent"
            className="button button--secondary"
            confirm={`Remove the ${players(recent)} who joined in the last minute? They will not be able to rejoin.`}
            {...act}
          >
            Remove the {recent} players who joined in the last minute
          </HostActionForm>
        </div>
      )}
    </section>
  );
}

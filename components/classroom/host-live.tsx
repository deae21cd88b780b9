"use client";

import { useRef, useState, type ReactNode } from "react";
import { formatJoinCode } from "@/lib/classroom/code";
import { api, dashboardPath } from "@/lib/classroom/paths";
import type { HostAction } from "@/lib/classroom/requests";
import { followHost } from "@/lib/classroom/follow";
import type { HostView, LivePhase, LiveShared } from "@/lib/classroom/views";
import { HostActionForm } from "./host-action-form";
import { FullscreenButton } from "./host-fullscreen";
import { HostStage } from "./host-stage";
import { LocalTime } from "./local-time";
import { Roster } from "./roster";
import { usePolling } from "./use-polling";
import { WaitingRoom } from "./waiting-room";
import styles from "./host.module.css";

/** The projector follows joins and answers about once a second; homework changes slowly. */
const POLL_MS = { live: 1_000, homework: 5_000 } as const;

/** The next step(s) the teacher can take from each phase, as button labels. */
function nextSteps(view: HostView, phase: LivePhase): { action: HostAction; label: string }[] {
  const last = view.index + 1 >= view.settings.total;
  const next = { action: "next" as const, label: last ? "Show the podium" : "Next question" };
  switch (phase) {
    case "lobby":
      return [{ action: "start", label: "Start the quiz" }];
    case "open": {
      // Once everyone has answered there is nothing to wait for: reveal closes the question too.
      const everyone = view.players.length > 0 && view.answered >= view.players.length;
      return everyone ? [{ action: "reveal", label: "Reveal the answer" }] : [{ action: "close", label: "Close answers" }];
    }
    case "closed":
      return [{ action: "reveal", label: "Reveal the answer" }];
    case "reveal":
      return [{ action: "standings", label: view.settings.teams ? "Show the team standings" : "Show the top five" }, next];
    case "standings":
      return [next];
    case "ended":
      return [];
  }
}

/**
 * The projector during a session, and the teacher's controls. Follows
 * the class's shared state (lib/classroom/follow.ts `followHost`) and reads
 * the teacher's own view when more than the answer count changed; each
 * action answers with the new state, so the screen moves at once. The join panel (rendered on the server, with its QR code) stays
 * large in the lobby and for homework. The whole screen, controls
 * included, can go full screen, so the teacher runs it from there.
 */
export function HostLive({ initial, joinPanel }: { initial: HostView; joinPanel: ReactNode }) {
  const [state, setState] = useState({ view: initial, offset: 0 });
  const [closedVersion, setClosedVersion] = useState<number | null>(null);
  const { view, offset } = state;
  const shown = useRef(initial);
  const sharedTag = useRef<string | null>(null);
  const receive = (next: HostView) => {
    shown.current = next;
    setState({ view: next, offset: next.now - Date.now() });
  };

  const connected = usePolling(
    async (signal) => {
      // Live: the class's shared state (cached, a 304 while unchanged) brings the answer count; anything more reads the teacher's view.
      if (view.settings.mode === "live") {
        const response = await fetch(api.live(view.sessionId), {
          cache: "no-store",
          signal,
          headers: sharedTag.current ? { "If-None-Match": sharedTag.current } : {},
        });
        if (response.status === 304) return true;
        if (response.ok) {
          sharedTag.current = response.headers.get("ETag");
          const shared = (await response.json()) as LiveShared;
          const next = followHost(shown.current, shared);
          if (next !== null) {
            if (next !== shown.current) {
              shown.current = next;
              setState((current) => ({ ...current, view: next }));
            }
            return true;
          }
        }
      }
      const response = await fetch(api.hostState(view.sessionId), { cache: "no-store", signal });
      if (!response.ok) return false;
      receive((await response.json()) as HostView);
      return true;
    },
    POLL_MS[view.settings.mode],
    view.phase !== "ended",
  );

  const phase = view.phase === "open" && closedVersion === view.version ? "closed" : view.phase;
  const live = view.settings.mode === "live";
  const showJoin = phase === "lobby" || (!live && phase !== "ended");
  const act = { sessionId: view.sessionId, version: view.version, onDone: receive };
  const screen = useRef<HTMLDivElement>(null);

  return (
    <div ref={screen} className={styles.screen}>
      <div className={styles.bar}>
        <span>Code {formatJoinCode(view.code)}</span>
        <span>{view.players.length === 1 ? "1 player" : `${view.players.length} players`}</span>
        {view.locked && <span>Locked: no new joins</span>}
        {view.waiting.length > 0 && <span>{view.waiting.length} waiting to join</span>}
        {!connected && <span role="status">Reconnecting…</span>}
        {/* A new tab: the class stays on the question while the teacher looks at the answers. */}
        <a href={dashboardPath(view.sessionId)} target="_blank" rel="noopener">
          Dashboard<span className="visually-hidden"> (opens in a new tab)</span>
          <span aria-hidden="true"> ↗</span>
        </a>
        <FullscreenButton target={screen} className={`button button--secondary ${styles.small}`} />
      </div>
      {showJoin && joinPanel}
      {live ? (
        <section aria-label="Live quiz" className={styles.stage}>
          <HostStage view={view} phase={phase} focus={view !== initial} offset={offset} onExpire={() => setClosedVersion(view.version)} />
        </section>
      ) : (
        <>
          <h2>{phase === "ended" ? "The homework is over" : "Homework: students answer at their own pace"}</h2>
          {view.settings.deadline !== null && (
            <p className={styles.big}>
              {phase === "ended" ? "Closed" : "Due"} <LocalTime ms={view.settings.deadline} />
            </p>
          )}
        </>
      )}
      {showJoin && <Roster sessionId={view.sessionId} players={view.players} from="projector" onDone={receive} />}
      {phase !== "ended" && (
        <div className={styles.controls}>
          {live &&
            nextSteps(view, phase).map((step) => (
              <HostActionForm key={step.action} action={step.action} {...act}>
                {step.label}
              </HostActionForm>
            ))}
          <HostActionForm action={view.locked ? "unlock" : "lock"} className="button button--secondary" {...act}>
            {view.locked ? "Unlock: let people join" : "Lock: no new joins"}
          </HostActionForm>
          <HostActionForm
            action="end"
            className="button button--secondary"
            confirm="End the session for everyone now? Results stay on the dashboard for 7 days."
            {...act}
          >
            End the session
          </HostActionForm>
        </div>
      )}
      {phase !== "ended" && (
        <WaitingRoom
          sessionId={view.sessionId}
          approval={view.approval}
          waiting={view.waiting}
          seated={view.players}
          seenAt={view.now}
          from="projector"
          onDone={receive}
        />
      )}
    </div>
  );
}

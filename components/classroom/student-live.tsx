"use client";

import { useRef, useState } from "react";
import { QuizProgress } from "@/components/quiz/quiz-progress";
import { ReadAloud } from "@/components/quiz/read-aloud";
import { errorMessage } from "@/lib/forms/post-json";
import { formatScore } from "@/lib/classroom/format";
import { api } from "@/lib/classroom/paths";
import { questionSpeech } from "@/lib/questions/read-aloud";
import type { LivePhase, StudentView, UnchangedPoll } from "@/lib/classroom/views";
import { Countdown } from "./countdown";
import { LiveAnswerForm } from "./live-answer-form";
import { shapeLabel } from "./option-mark";
import { AnswerHeld, StudentStage } from "./student-stage";
import { TeamBadge } from "./team-badge";
import { useKeptAnswer } from "./use-kept-answer";
import { usePolling } from "./use-polling";
import styles from "./live.module.css";

/** Phones ask about once a second, so they follow the teacher within two. */
const POLL_MS = 1_000;

/** The score shows from the first reveal on: before it, it could only give an answer away. */
const SCORE_PHASES: readonly LivePhase[] = ["reveal", "standings", "ended"];

/**
 * A student's phone during a live session: a game controller, without the
 * site's header and footer (live.module.css `.controller`). Polls the state
 * with the version it shows (a few bytes when nothing changed) and redraws
 * when the teacher moves on. The countdown closes a question on the phone
 * at the same moment the server does; the server stays the judge of late
 * answers, including one kept while the phone was offline.
 */
export function StudentLive({ initial }: { initial: StudentView }) {
  // `offset`: the server's clock minus this device's, measured at each response.
  const [state, setState] = useState({ view: initial, offset: 0 });
  const [closedVersion, setClosedVersion] = useState<number | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const version = useRef(initial.version);
  const { view, offset } = state;

  const receive = (next: StudentView) => {
    version.current = next.version;
    setState({ view: next, offset: next.now - Date.now() });
  };
  const kept = useKeptAnswer(view.sessionId, receive);

  const connected = usePolling(
    async (signal) => {
      const response = await fetch(`${api.state(view.sessionId)}?v=${version.current}`, { cache: "no-store", signal });
      if (response.status === 403 || response.status === 404 || response.status === 410) {
        setStopped(await errorMessage(response));
        return true;
      }
      if (!response.ok) return false;
      const data = (await response.json()) as StudentView | UnchangedPoll;
      if ("changed" in data) setState((current) => ({ view: { ...current.view, players: data.players }, offset: data.now - Date.now() }));
      else receive(data);
      // The server is reachable again: an answer kept while offline goes now.
      void kept.flush();
      return true;
    },
    POLL_MS,
    stopped === null && view.phase !== "ended",
  );

  if (stopped) {
    return (
      <section className={`${styles.stage} ${styles.controller}`} aria-labelledby="stopped-heading">
        <h2 id="stopped-heading">You are no longer in this session</h2>
        <p role="alert">{stopped}</p>
        <p>
          <a href="/">Go to the site’s home page</a>
        </p>
      </section>
    );
  }

  const phase = view.phase === "open" && closedVersion === view.version ? "closed" : view.phase;
  const questionId = view.question?.id;
  const keptHere = kept.kept !== null && kept.kept.questionId === questionId && view.yourAnswer === null;
  const asking = phase === "open" && view.question !== null && view.yourAnswer === null && !view.teamAnswered && !keptHere;
  const holding = keptHere && (phase === "open" || phase === "closed");
  const refusal = kept.refusal !== null && kept.refusal.questionId === questionId ? kept.refusal.message : null;
  // Focus follows changes the student did not make; the first render keeps the page's own focus.
  const focus = view !== initial;

  return (
    <section className={`${styles.stage} ${styles.controller}`} aria-label="Live quiz">
      <div className={styles.topBar}>
        <p className={styles.me}>
          <span>
            Playing as <strong>{view.nickname}</strong>
            {view.team !== null && (
              <>
                {" "}
                in <TeamBadge team={view.team} />
              </>
            )}
          </span>
          {SCORE_PHASES.includes(phase) && <span>{formatScore(view.score, view.settings.scoring)}</span>}
          <a href="/" className={styles.exit}>
            Exit
          </a>
        </p>
        {view.question && phase !== "ended" && (
          <div className={styles.hud}>
            <QuizProgress index={view.question.index} total={view.question.total} />
            {phase === "open" && view.closesAt !== null && (
              <Countdown
                closesAt={view.closesAt}
                offset={offset}
                className={styles.timer}
                onExpire={() => setClosedVersion(view.version)}
              />
            )}
            {asking && <ReadAloud utterances={questionSpeech(view.question, shapeLabel)} label="Read the question aloud" compact />}
          </div>
        )}
      </div>
      {!connected && (
        <p role="status" className={styles.status}>
          Reconnecting… your answers are safe.
        </p>
      )}
      {refusal && (
        <p role="alert" className={styles.refusal}>
          {refusal}
        </p>
      )}
      {kept.kept && !holding && (
        <p role="status" className={styles.status}>
          No connection: your last answer will be sent when the connection returns.
        </p>
      )}
      {asking && view.question ? (
        <LiveAnswerForm key={view.question.id} sessionId={view.sessionId} question={view.question} send={kept.send} />
      ) : holding && kept.kept ? (
        // Shown because of the student's own tap, whose button is gone: focus moves to it.
        <AnswerHeld view={view} answer={kept.kept.display} kept focus />
      ) : (
        <StudentStage view={view} phase={phase} focus={focus} />
      )}
      <noscript>
        <p>
          <a href="">Check for the next question</a>
        </p>
      </noscript>
    </section>
  );
}

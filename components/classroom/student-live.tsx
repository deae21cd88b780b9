"use client";

import { useEffect, useRef, useState } from "react";
import { QuizProgress } from "@/components/quiz/quiz-progress";
import { ReadAloud } from "@/components/quiz/read-aloud";
import { errorMessage } from "@/lib/forms/post-json";
import { formatScore } from "@/lib/classroom/format";
import { api } from "@/lib/classroom/paths";
import { questionSpeech } from "@/lib/questions/read-aloud";
import { FOLLOW_POLL_MS, follow } from "@/lib/classroom/follow";
import type { LivePhase, LiveShared, StudentView } from "@/lib/classroom/views";
import { Countdown } from "./countdown";
import { LiveAnswerForm } from "./live-answer-form";
import { shapeLabel } from "./option-mark";
import { AnswerHeld, StudentStage } from "./student-stage";
import { TeamBadge } from "./team-badge";
import { useKeptAnswer } from "./use-kept-answer";
import { usePolling } from "./use-polling";
import styles from "./live.module.css";

/** The score shows from the first reveal on: before it, it could only give an answer away. */
const SCORE_PHASES: readonly LivePhase[] = ["reveal", "standings", "ended"];

/**
 * A student's phone during a live session: a game controller, without the
 * site's header and footer (live.module.css `.controller`). Polls the
 * class's shared state (an empty 304 while nothing changed) and redraws
 * when the teacher moves on; reads its own view only when something of
 * the student's is due (lib/classroom/follow.ts). The countdown closes a question on the phone
 * at the same moment the server does; the server stays the judge of late
 * answers, including one kept while the phone was offline.
 */
export function StudentLive({ initial }: { initial: StudentView }) {
  // `offset`: the server's clock minus this device's, measured at each view of the student's own.
  const [state, setState] = useState({ view: initial, offset: 0 });
  const [closedVersion, setClosedVersion] = useState<number | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const shown = useRef(initial);
  const sharedTag = useRef<string | null>(null);
  const { view, offset } = state;

  const receive = (next: StudentView) => {
    shown.current = next;
    setState({ view: next, offset: next.now - Date.now() });
  };
  const kept = useKeptAnswer(view.sessionId, receive);

  /** The student's own view, when the class's shared state is not enough (lib/classroom/follow.ts); false when unreachable. */
  const readOwn = async (signal: AbortSignal): Promise<boolean> => {
    const response = await fetch(`${api.state(view.sessionId)}?v=-1`, { cache: "no-store", signal });
    if (response.status === 403 || response.status === 404 || response.status === 410) {
      setStopped(await errorMessage(response));
      return true;
    }
    if (!response.ok) return false;
    receive((await response.json()) as StudentView);
    return true;
  };

  const connected = usePolling(
    async (signal) => {
      // The class's shared state: one cached copy for everyone; a 304 while it has not changed.
      const response = await fetch(api.live(view.sessionId), {
        cache: "no-store",
        signal,
        headers: sharedTag.current ? { "If-None-Match": sharedTag.current } : {},
      });
      if (response.status === 404 || response.status === 410) return readOwn(signal);
      if (response.status !== 304) {
        if (!response.ok) return false;
        sharedTag.current = response.headers.get("ETag");
        // Read the view it shows only once the body is in: an answer's response may have changed it meanwhile.
        const shared = (await response.json()) as LiveShared;
        const next = follow(shown.current, shared);
        if (next === null) {
          if (!(await readOwn(signal))) return false;
        } else if (next !== shown.current) {
          shown.current = next;
          setState((current) => ({ ...current, view: next }));
        }
      }
      // The server is reachable again: an answer kept while offline goes now.
      void kept.flush();
      return true;
    },
    FOLLOW_POLL_MS,
    stopped === null && view.phase !== "ended",
  );

  // A new question starts at the top: the reveal before it may have been scrolled, and the phone must not carry that over.
  const shownQuestion = view.question?.id;
  useEffect(() => {
    if (shownQuestion !== undefined) window.scrollTo({ top: 0, behavior: "instant" });
  }, [shownQuestion]);

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

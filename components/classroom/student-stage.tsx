import { formatScore, ordinal } from "@/lib/classroom/format";
import type { LivePhase, StudentView } from "@/lib/classroom/views";
import { DistributionChart } from "./distribution-chart";
import { StageHeading } from "./stage-heading";
import { Podium, StandingsTable } from "./standings";
import styles from "./live.module.css";

const asText = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

/**
 * Everything a student's phone shows except the question form: the lobby,
 * "answer received", the reveal, the standings and the podium. `phase` may
 * be "closed" before the server says so, when the phone's countdown ends.
 */
export function StudentStage({ view, phase, focus }: { view: StudentView; phase: LivePhase; focus: boolean }) {
  const { scoring } = view.settings;
  switch (phase) {
    case "lobby":
      return (
        <>
          <StageHeading focus={focus}>You’re in!</StageHeading>
          <p className="lede">Waiting for your teacher to start. Keep this page open: the questions appear here.</p>
          <p className={styles.status}>
            {view.players === 1 ? "1 player has joined." : `${view.players} players have joined.`}
          </p>
        </>
      );
    case "open":
    case "closed":
      return view.yourAnswer !== null ? (
        <div className={styles.received}>
          <StageHeading focus={focus}>✓ Answer received</StageHeading>
          <p>
            You chose: <strong>{asText(view.yourAnswer)}</strong>
          </p>
          <p style={{ margin: 0 }}>Look up at the screen: the answer comes when your teacher reveals it.</p>
        </div>
      ) : (
        <>
          <StageHeading focus={focus}>Time’s up</StageHeading>
          <p>Answers to this question are closed. Wait for the reveal and get ready for the next one.</p>
        </>
      );
    case "reveal": {
      const reveal = view.reveal;
      if (!reveal) return <StageHeading focus={focus}>The answer is on the screen</StageHeading>;
      return (
        <>
          <StageHeading focus={focus}>
            {reveal.youWereRight === null ? "You didn’t answer this one" : reveal.youWereRight ? "✓ Correct" : "✗ Not quite"}
          </StageHeading>
          {reveal.youWereRight && scoring === "speed" && <p className={styles.status}>+{reveal.points} points</p>}
          <p>
            <strong>The answer:</strong> {asText(reveal.correctAnswer)}
          </p>
          <p>{reveal.explanation}</p>
          <DistributionChart reveal={reveal} />
        </>
      );
    }
    case "standings":
      return (
        <>
          <StageHeading focus={focus}>Top five</StageHeading>
          {view.rank !== null && (
            <p className="lede">
              You are {ordinal(view.rank)} with {formatScore(view.score, scoring)}.
            </p>
          )}
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five so far" />
        </>
      );
    case "ended":
      return (
        <>
          <StageHeading focus={focus}>Final results</StageHeading>
          {view.rank !== null && (
            <p className="lede">
              You finished <strong>{ordinal(view.rank)}</strong> of {view.players} with {formatScore(view.score, scoring)}.
            </p>
          )}
          <Podium entries={view.top ?? []} scoring={scoring} />
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five" />
        </>
      );
  }
}

import { formatScore, ordinal } from "@/lib/classroom/format";
import type { LivePhase, StudentView } from "@/lib/classroom/views";
import { ReadAloud } from "@/components/quiz/read-aloud";
import { answerSpeech } from "@/lib/questions/read-aloud";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { DistributionChart } from "./distribution-chart";
import { liveChoices } from "./live-choices";
import { OptionMark } from "./option-mark";
import { StageHeading } from "./stage-heading";
import { Podium, StandingsTable, TeamStandingsTable, teamEntries } from "./standings";
import styles from "./live.module.css";

const asText = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

/** The student's own choice, with the shape it wore, so they can find it on the projector at the reveal. */
function Chosen({ question, answer }: { question: PublicQuestion | null; answer: string }) {
  const position = (question && liveChoices(question).find((choice) => choice.text === answer)?.mark) ?? -1;
  return (
    <strong className={styles.chosen}>
      {position >= 0 && <OptionMark position={position} />}
      {answer}
    </strong>
  );
}

/**
 * An answer the phone has, before the reveal: received by the server, or
 * kept on the phone until the connection returns. Deliberately neutral (no
 * tick, no green): nothing here may read as "right" before the reveal.
 */
export function AnswerHeld({ view, answer, kept, focus }: { view: StudentView; answer: string; kept: boolean; focus: boolean }) {
  return (
    <div className={kept ? `${styles.held} ${styles.kept}` : styles.held}>
      <StageHeading focus={focus}>{kept ? "Answer saved on this phone" : "Answer received"}</StageHeading>
      <p>
        You chose: <Chosen question={view.question} answer={answer} />
      </p>
      {kept ? (
        <p role="status">No connection right now. Your answer will be sent when the connection returns.</p>
      ) : (
        <p>Look up at the screen: the answer comes when your teacher reveals it.</p>
      )}
    </div>
  );
}

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
        <AnswerHeld view={view} answer={asText(view.yourAnswer)} kept={false} focus={focus} />
      ) : view.teamAnswered ? (
        <>
          <StageHeading focus={focus}>Your team has answered</StageHeading>
          <p>A teammate answered this question first: that answer counts for your team. Wait for the reveal.</p>
        </>
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
          <ReadAloud utterances={answerSpeech(reveal, reveal.youWereRight)} label="Read the answer aloud" />
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
          {view.teams && <TeamStandingsTable teams={view.teams} scoring={scoring} caption="Team standings so far" />}
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
          {view.teams && (
            <>
              <Podium entries={teamEntries(view.teams)} scoring={scoring} />
              <TeamStandingsTable teams={view.teams} scoring={scoring} caption="Team standings" />
            </>
          )}
          <Podium entries={view.top ?? []} scoring={scoring} />
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five" />
        </>
      );
  }
}

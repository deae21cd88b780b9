import { QuizProgress } from "@/components/quiz/quiz-progress";
import { WhoSaidQuote } from "@/components/quiz/who-said-quote";
import type { HostView, LivePhase } from "@/lib/classroom/views";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { DistributionChart } from "./distribution-chart";
import { StageHeading } from "./stage-heading";
import { Podium, StandingsTable } from "./standings";
import styles from "./host.module.css";

/** The question as the class sees it on the projector: prompt, quotation and choices, never the key. */
function ProjectedQuestion({ question }: { question: PublicQuestion }) {
  const choices =
    question.kind === "true-false" ? ["True", "False"] : (question.kind === "order" ? question.items : question.options).map((c) => c.text);
  return (
    <>
      <QuizProgress index={question.index} total={question.total} />
      <p className={styles.prompt}>{question.prompt}</p>
      {question.kind === "who-said" && <WhoSaidQuote quote={question.quote} context={question.context} />}
      {question.kind === "order" && <p className="meta">Put these in order, earliest first.</p>}
      <ul className={styles.choices}>
        {choices.map((choice) => (
          <li key={choice}>{choice}</li>
        ))}
      </ul>
    </>
  );
}

const asText = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

/** What the projector shows in each phase of a live session (the controls are separate). */
export function HostStage({ view, phase, focus }: { view: HostView; phase: LivePhase; focus: boolean }) {
  const { scoring } = view.settings;
  const answered = `${view.answered} of ${view.players.length} answered`;
  switch (phase) {
    case "lobby":
      return <StageHeading focus={focus}>{`${view.players.length} joined`}</StageHeading>;
    case "open":
      return (
        <>
          <StageHeading focus={focus}>{`Question ${view.index + 1}: answers open`}</StageHeading>
          {view.question && <ProjectedQuestion question={view.question} />}
          <p className={styles.big} role="status">
            {answered}
          </p>
        </>
      );
    case "closed":
      return (
        <>
          <StageHeading focus={focus}>{`Question ${view.index + 1}: answers closed`}</StageHeading>
          {view.question && <ProjectedQuestion question={view.question} />}
          <p className={styles.big}>{answered}</p>
        </>
      );
    case "reveal":
      return (
        <>
          <StageHeading focus={focus}>{`Question ${view.index + 1}: the answer`}</StageHeading>
          {view.question && <p className={styles.prompt}>{view.question.prompt}</p>}
          {view.reveal && (
            <>
              <p className={styles.big}>✓ {asText(view.reveal.correctAnswer)}</p>
              <p>{view.reveal.explanation}</p>
              <DistributionChart reveal={view.reveal} />
            </>
          )}
        </>
      );
    case "standings":
      return (
        <>
          <StageHeading focus={focus}>Top five</StageHeading>
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five so far" />
        </>
      );
    case "ended":
      return (
        <>
          <StageHeading focus={focus}>Podium</StageHeading>
          <Podium entries={view.top ?? []} scoring={scoring} />
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five" />
        </>
      );
  }
}

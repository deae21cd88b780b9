import type { ReactNode } from "react";
import { ReadAloud } from "@/components/quiz/read-aloud";
import { WhoSaidQuote } from "@/components/quiz/who-said-quote";
import type { HostView, LivePhase } from "@/lib/classroom/views";
import { answerSpeech, questionSpeech } from "@/lib/questions/read-aloud";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { estimateSpan } from "@/lib/questions/closeness";
import { Countdown } from "./countdown";
import { DistributionChart } from "./distribution-chart";
import { OptionMark, optionMark, shapeLabel } from "./option-mark";
import { StageHeading } from "./stage-heading";
import { Podium, StandingsTable, TeamStandingsTable, teamEntries } from "./standings";
import styles from "./host.module.css";

/** What a question's answers are on the projector: choices (each with its position's mark) or the items to order. */
function choicesOf(question: PublicQuestion): { marked: boolean; texts: string[] } {
  switch (question.kind) {
    case "true-false":
      return { marked: true, texts: ["True", "False"] };
    case "order":
      return { marked: false, texts: question.items.map((item) => item.text) };
    case "estimate":
      return { marked: false, texts: [estimateSpan(question.range, question.unit)] };
    default:
      return { marked: true, texts: question.options.map((option) => option.text) };
  }
}

/**
 * The question as the class sees it on the projector: prompt, quotation and
 * choices, never the key. Each choice carries the shape and colour of its
 * position, as the same button does on the phones. An ordering question's
 * prompt already says how to order, so nothing repeats it.
 */
function ProjectedQuestion({ question }: { question: PublicQuestion }) {
  const { marked, texts } = choicesOf(question);
  return (
    <>
      <p className={styles.prompt}>{question.prompt}</p>
      {question.kind === "who-said" && (
        <div className={styles.quote}>
          <WhoSaidQuote quote={question.quote} context={question.context} />
        </div>
      )}
      <ul className={marked ? styles.choices : styles.items}>
        {texts.map((text, position) => (
          <li key={text} style={marked ? { background: optionMark(position).colour } : undefined}>
            {marked && <OptionMark position={position} className={styles.mark} />}
            {text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The heading of the screen with, beside it, what the room watches: time left and answers in. */
function StageTop({ heading, focus, children }: { heading: string; focus: boolean; children?: ReactNode }) {
  return (
    <div className={styles.stageTop}>
      <StageHeading focus={focus}>{heading}</StageHeading>
      {children}
    </div>
  );
}

/** The right answer, as a list for an ordering. */
function CorrectAnswer({ answer }: { answer: string | string[] }) {
  if (!Array.isArray(answer)) return <p className={styles.answer}>✓ {answer}</p>;
  return (
    <>
      <p className={styles.answer}>✓ The right order:</p>
      <ol className={styles.order}>
        {answer.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
    </>
  );
}

/**
 * What the projector shows in each phase of a live session (the teacher's
 * controls are separate): the question and the countdown while answers are
 * open, then the answer and how the class answered, the top five, the podium.
 */
export function HostStage({
  view,
  phase,
  focus,
  offset,
  onExpire,
}: {
  view: HostView;
  phase: LivePhase;
  focus: boolean;
  /** Server clock minus this device's, for the countdown. */
  offset: number;
  onExpire: () => void;
}) {
  const { scoring } = view.settings;
  const title = `Question ${view.index + 1} of ${view.settings.total}`;
  const answered = (
    <p className={styles.status} role="status">
      {view.answered} of {view.players.length} answered
    </p>
  );
  switch (phase) {
    case "lobby":
      return <StageTop heading={`${view.players.length} joined`} focus={focus} />;
    case "open":
    case "closed":
      return (
        <>
          <StageTop heading={title} focus={focus}>
            <div className={styles.meters}>
              {phase === "open" && view.closesAt !== null && (
                <Countdown closesAt={view.closesAt} offset={offset} className={styles.status} onExpire={onExpire} />
              )}
              {phase === "closed" && <p className={styles.status}>Answers closed</p>}
              {answered}
              {view.question && <ReadAloud utterances={questionSpeech(view.question, shapeLabel)} label="Read the question aloud to the room" compact />}
            </div>
          </StageTop>
          {view.question && <ProjectedQuestion question={view.question} />}
        </>
      );
    case "reveal":
      return (
        <>
          <StageTop heading={`${title}: the answer`} focus={focus}>
            {view.reveal && <ReadAloud utterances={answerSpeech(view.reveal)} label="Read the answer aloud to the room" compact />}
          </StageTop>
          {view.question && <p className={styles.prompt}>{view.question.prompt}</p>}
          {view.reveal && (
            <>
              <CorrectAnswer answer={view.reveal.correctAnswer} />
              <p className={styles.explanation}>{view.reveal.explanation}</p>
              <DistributionChart reveal={view.reveal} marked={view.question?.kind !== "order" && view.question?.kind !== "estimate"} projected />
            </>
          )}
        </>
      );
    case "standings":
      // Teams share phones or split points, so their standings replace the top five on the projector.
      return view.teams ? (
        <>
          <StageTop heading="Team standings" focus={focus} />
          <TeamStandingsTable teams={view.teams} scoring={scoring} caption="Team standings so far" projected />
        </>
      ) : (
        <>
          <StageTop heading="Top five" focus={focus} />
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five so far" projected />
        </>
      );
    case "ended":
      return view.teams ? (
        <>
          <StageTop heading="Team podium" focus={focus} />
          <Podium entries={teamEntries(view.teams)} scoring={scoring} projected />
          <TeamStandingsTable teams={view.teams} scoring={scoring} caption="Team standings" projected />
        </>
      ) : (
        <>
          <StageTop heading="Podium" focus={focus} />
          <Podium entries={view.top ?? []} scoring={scoring} projected />
          <StandingsTable entries={view.top ?? []} scoring={scoring} caption="Top five" projected />
        </>
      );
  }
}

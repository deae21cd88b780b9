import type { AnswerFeedback as Feedback } from "@/lib/questions/schemas";
import { answerSpeech } from "@/lib/questions/read-aloud";
import { CorrectionNotice } from "./correction-notice";
import { ReadAloud } from "./read-aloud";

/**
 * Right or wrong, the correct answer, why, and where to read more. Rendered
 * by the server for the no-JavaScript flow and by the question form after a
 * fetch, so it holds no hooks.
 */
export function AnswerFeedback({
  feedback,
  headingRef,
  headingLevel = 2,
}: {
  feedback: Feedback;
  headingRef?: React.Ref<HTMLHeadingElement>;
  headingLevel?: 2 | 4;
}) {
  const { correctAnswer } = feedback;
  const [latestChange] = feedback.corrections;
  const Heading = headingLevel === 2 ? "h2" : "h4";
  return (
    <section className={`feedback ${feedback.correct ? "feedback--right" : "feedback--wrong"}`}>
      <Heading ref={headingRef} tabIndex={-1}>
        {feedback.correct ? "✓ Correct" : feedback.estimate?.closeness === "partial" ? "≈ Close" : "✗ Not quite"}
      </Heading>
      <ReadAloud utterances={answerSpeech(feedback, feedback.correct)} label="Read the answer aloud" />
      <p>
        <strong>{Array.isArray(correctAnswer) ? "The correct order: " : "The answer: "}</strong>
        {Array.isArray(correctAnswer) ? null : correctAnswer}
      </p>
      {Array.isArray(correctAnswer) && (
        <ol>
          {correctAnswer.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      )}
      {feedback.estimate && feedback.estimate.claims.length > 0 && (
        <ul>
          {feedback.estimate.claims.map((claim) => (
            <li key={claim.who}>
              {claim.who}: {claim.figure} (<a href={claim.source.url} rel="noopener noreferrer">{claim.source.publisher}</a>)
            </li>
          ))}
        </ul>
      )}
      <p>{feedback.explanation}</p>
      <p className="source-links">
        {feedback.sources.length === 1 ? "Source: " : "Sources: "}
        {feedback.sources.map((source, index) => (
          <span key={source.id}>
            {index > 0 && "; "}
            <a href={source.url} rel="noopener noreferrer">
              {source.publisher}, “{source.title}”
            </a>
          </span>
        ))}
      </p>
      {latestChange && <CorrectionNotice note={latestChange} />}
      <p style={{ margin: 0 }}>
        <a href={feedback.learnMore.href}>Learn more: {feedback.learnMore.label}</a>
      </p>
    </section>
  );
}

import type { PublicQuestion } from "@/lib/quiz/schemas";

/** The prompt as the fieldset's legend (it must come first), then the quotation for "who said it". */
export function QuestionHeading({ question }: { question: PublicQuestion }) {
  return (
    <>
      <legend className="question-prompt">{question.prompt}</legend>
      {question.kind === "who-said" && (
        <figure className="quote">
          <blockquote>
            <p>“{question.quote}”</p>
          </blockquote>
          <figcaption>{question.context}</figcaption>
        </figure>
      )}
      {question.kind === "order" && <p className="meta">Choose an event for each position, earliest first.</p>}
    </>
  );
}

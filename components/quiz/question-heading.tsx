import type { Ref } from "react";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { QuizProgress } from "./quiz-progress";
import { WhoSaidQuote } from "./who-said-quote";

/**
 * The prompt as the fieldset's legend (it must come first), then the
 * quotation for "who said it". With `headingRef` (a page of one question:
 * the solo quiz, homework), the legend holds the question's heading,
 * "Question 3 of 10" and the prompt in one h2, which focus moves to when
 * the page moves on to the next question.
 */
export function QuestionHeading({ question, headingRef }: { question: PublicQuestion; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <>
      {headingRef ? (
        <legend className="question-heading">
          <h2 ref={headingRef} tabIndex={-1}>
            <QuizProgress index={question.index} total={question.total} />
            <span className="question-prompt">{question.prompt}</span>
          </h2>
        </legend>
      ) : (
        <legend className="question-prompt">{question.prompt}</legend>
      )}
      {question.kind === "who-said" && <WhoSaidQuote quote={question.quote} context={question.context} />}
    </>
  );
}

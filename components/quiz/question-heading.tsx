import type { PublicQuestion } from "@/lib/questions/schemas";
import { WhoSaidQuote } from "./who-said-quote";

/** The prompt as the fieldset's legend (it must come first), then the quotation for "who said it". */
export function QuestionHeading({ question }: { question: PublicQuestion }) {
  return (
    <>
      <legend className="question-prompt">{question.prompt}</legend>
      {question.kind === "who-said" && <WhoSaidQuote quote={question.quote} context={question.context} />}
    </>
  );
}

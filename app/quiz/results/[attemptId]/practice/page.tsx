import type { Metadata } from "next";
import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { QuestionForm } from "@/components/quiz/question-form";
import { orNotFound } from "@/lib/http/or-not-found";
import { answerSchema } from "@/lib/questions/requests";
import { quizService } from "@/lib/quiz";
import { api, playPath, practicePath, resultsPath } from "@/lib/quiz/paths";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Practice the ones you missed", robots: { index: false } };

/**
 * Missed questions one at a time, as a practice round that changes nothing
 * stored. `?after=id` moves on; `?checked=id&answer=…` is the feedback
 * page for a plain-form answer.
 */
async function Page({ params, searchParams }: PageProps<"/quiz/results/[attemptId]/practice">) {
  const { attemptId } = await params;
  const query = await searchParams;
  const missed = await orNotFound((await quizService()).retryMissed(attemptId), { not_finished: playPath(attemptId) });
  const back = (
    <p>
      <a href={resultsPath(attemptId)}>Back to your results</a> (practice does not change your score)
    </p>
  );

  const checked = answerSchema.safeParse({ questionId: query.checked, answer: query.answer });
  if (checked.success) {
    const feedback = await orNotFound((await quizService()).checkPractice(attemptId, checked.data), { not_finished: playPath(attemptId) });
    return (
      <>
        <h1>Practice</h1>
        <AnswerFeedback feedback={feedback} />
        <a className="button" href={`${practicePath(attemptId)}?after=${encodeURIComponent(checked.data.questionId)}`}>
          Next
        </a>
        {back}
      </>
    );
  }

  const afterIndex = missed.findIndex((question) => question.id === query.after);
  const question = missed[afterIndex + 1];
  if (!question) {
    return (
      <>
        <h1>Practice</h1>
        <p className="lede">{missed.length === 0 ? "You missed nothing: well done." : "That was the last one you missed."}</p>
        {back}
      </>
    );
  }
  return (
    <>
      <h1>Practice the ones you missed</h1>
      {back}
      <QuestionForm key={question.id} action={api.practice(attemptId)} question={question} />
    </>
  );
}

export default storePage(Page);

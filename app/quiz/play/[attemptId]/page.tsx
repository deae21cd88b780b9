import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { QuestionForm } from "@/components/quiz/question-form";
import { AnsweredFields } from "@/components/quiz/question-fields";
import { QuizProgress } from "@/components/quiz/quiz-progress";
import { orNotFound } from "@/lib/http/or-not-found";
import { quizService } from "@/lib/quiz";
import { nextStep } from "@/lib/quiz/next-step";
import { parseNotice, QUIZ_NOTICES } from "@/lib/quiz/notices";
import { api, playPath, resultsPath, withNotice } from "@/lib/quiz/paths";
import { newIdempotencyKey } from "@/lib/http/idempotency";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Quiz", robots: { index: false } };

/**
 * The current question, or, after a plain-form answer (`?answered=id`), that
 * question's feedback. The feedback is only shown once the store holds an
 * answer, so the URL cannot be used to peek at the key. `?notice=` says why
 * the reader was brought here (a stale tab), on the question or the results.
 */
async function Page({ params, searchParams }: PageProps<"/quiz/play/[attemptId]">) {
  const { attemptId } = await params;
  const { answered, notice: noticeParam } = await searchParams;
  const notice = parseNotice(noticeParam);
  const attempt = await orNotFound((await quizService()).getAttempt(attemptId));
  const shown = attempt.questions.find((view) => view.question.id === answered && view.feedback);

  if (shown?.feedback) {
    const next = nextStep(attemptId, attempt.progress);
    return (
      <>
        <h1 className="visually-hidden">Quiz</h1>
        <QuizProgress index={shown.question.index} total={shown.question.total} />
        <p className="question-prompt">{shown.question.prompt}</p>
        <AnsweredFields question={shown.question} feedback={shown.feedback} />
        <AnswerFeedback feedback={shown.feedback} />
        <a className="button" href={next.href}>
          {next.label}
        </a>
      </>
    );
  }

  const current = attempt.progress.nextIndex === null ? undefined : attempt.questions[attempt.progress.nextIndex];
  if (!current) redirect(notice ? withNotice(resultsPath(attemptId), notice) : resultsPath(attemptId));
  return (
    <>
      <h1 className="visually-hidden">Quiz</h1>
      <QuestionForm
        key={current.question.id}
        action={api.answers(attemptId)}
        question={current.question}
        idempotencyKey={newIdempotencyKey()}
        staleHref={withNotice(playPath(attemptId), "answered-elsewhere")}
        notice={notice && QUIZ_NOTICES[notice]}
      />
    </>
  );
}

export default storePage(Page);

import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { QuestionForm } from "@/components/quiz/question-form";
import { AnsweredFields } from "@/components/quiz/question-fields";
import { QuizProgress } from "@/components/quiz/quiz-progress";
import { formatScore, ordinal } from "@/lib/classroom/format";
import { api, playPath } from "@/lib/classroom/paths";
import type { HomeworkView } from "@/lib/classroom/views";
import { QUIZ_NOTICES, type QuizNotice } from "@/lib/quiz/notices";
import { withNotice } from "@/lib/quiz/paths";
import { LocalTime } from "./local-time";

/**
 * Homework on a student's phone: the quiz's own question form, one
 * question after another with feedback, then their score and rank. A tab
 * left behind (the question answered in another) catches up, with `notice`.
 */
export function Homework({ view, notice }: { view: HomeworkView; notice?: QuizNotice }) {
  const { settings } = view;
  const header = (
    <p className="meta">
      Playing as <strong>{view.nickname}</strong>
      {settings.deadline !== null && (
        <>
          {" "}
          · {view.ended ? "closed" : "due"} <LocalTime ms={settings.deadline} />
        </>
      )}
    </p>
  );

  // After a plain-form answer: that question's feedback, then on.
  if (view.shown) {
    return (
      <>
        {header}
        <QuizProgress index={view.shown.question.index} total={view.shown.question.total} />
        <p className="question-prompt">{view.shown.question.prompt}</p>
        <AnsweredFields question={view.shown.question} feedback={view.shown.feedback} />
        <AnswerFeedback feedback={view.shown.feedback} />
        <a className="button" href={playPath(view.sessionId)}>
          {view.question ? "Next question" : "See your result"}
        </a>
      </>
    );
  }
  if (view.question) {
    return (
      <>
        {header}
        <QuestionForm
          key={view.question.id}
          action={api.answers(view.sessionId)}
          question={view.question}
          staleHref={withNotice(playPath(view.sessionId), "answered-elsewhere")}
          notice={notice && QUIZ_NOTICES[notice]}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <h2>{view.ended && view.answered < settings.total ? "The homework is closed" : "You’ve finished"}</h2>
      <p className="score">
        {view.score}/{settings.total}
      </p>
      <p className="lede">
        {formatScore(view.score, settings.scoring)} out of {settings.total}
        {view.rank && view.rank.of > 1 && (
          <>
            : {ordinal(view.rank.rank)} of the {view.rank.of} in your class so far
          </>
        )}
        .
      </p>
      <p>
        <a href="/explainers">Read the explainers</a> to go further.
      </p>
    </>
  );
}

"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { QuestionFields } from "@/components/quiz/question-fields";
import { answerCheck } from "@/components/quiz/answer-check";
import { QuestionHeading } from "@/components/quiz/question-heading";
import { postJson } from "@/lib/forms/post-json";
import { useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { api } from "@/lib/classroom/paths";
import type { AnswerResponse, StudentView } from "@/lib/classroom/views";
import type { AnswerInput } from "@/lib/questions/requests";
import type { PublicQuestion } from "@/lib/questions/schemas";
import styles from "./live.module.css";

const TRUE_FALSE = [
  { id: "true", text: "True" },
  { id: "false", text: "False" },
];

/**
 * The current question on a student's phone. Choices are big buttons: one
 * tap answers. Ordering questions keep the quiz's selects and a send
 * button. Without JavaScript both are plain form posts to the same route.
 */
export function LiveAnswerForm({
  sessionId,
  question,
  onAnswered,
}: {
  sessionId: string;
  question: PublicQuestion;
  onAnswered: (view: StudentView) => void;
}) {
  const [error, setError] = useState<string | null>(useRefusal()?.message ?? null);
  const [sending, setSending] = useState(false);
  const form = useForm<AnswerInput>({ resolver: answerCheck.resolver, defaultValues: { questionId: question.id } });

  async function send(values: AnswerInput) {
    setError(null);
    setSending(true);
    const posted = await postJson<AnswerResponse>(api.answers(sessionId), values);
    setSending(false);
    if (!posted.ok) return setError(posted.message);
    if (posted.data.mode === "live") onAnswered(posted.data.view);
  }

  const choices = question.kind === "true-false" ? TRUE_FALSE : question.kind === "order" ? [] : question.options;
  const fieldError = form.formState.errors.answer?.message ?? form.formState.errors.answer?.root?.message;

  return (
    <form method="post" action={api.answers(sessionId)} onSubmit={form.handleSubmit(send)} noValidate={useNoValidate()} {...answerCheck.preloadOn}>
      <fieldset className={styles.fieldset}>
        <QuestionHeading question={question} />
        <input type="hidden" value={question.id} {...form.register("questionId")} />
        {question.kind === "order" ? (
          <QuestionFields question={question} register={form.register} disabled={sending} />
        ) : (
          <div className={styles.options}>
            {choices.map((choice) => (
              <button
                key={choice.id}
                type="submit"
                name="answer"
                value={choice.id}
                className={styles.option}
                disabled={sending}
                onClick={(event) => {
                  event.preventDefault();
                  void send({ questionId: question.id, answer: choice.id });
                }}
              >
                {choice.text}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      <p role="alert" className="form-error">
        {error ?? fieldError}
      </p>
      {question.kind === "order" && (
        <button type="submit" className="button" disabled={sending}>
          {sending ? "Sending…" : "Send my answer"}
        </button>
      )}
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { NextStep } from "@/lib/questions/schemas";
import type { AnswerInput } from "@/lib/questions/requests";
import type { AnswerFeedback as Feedback, PublicQuestion } from "@/lib/questions/schemas";
import { AnswerFeedback } from "./answer-feedback";
import { QuestionFields } from "./question-fields";
import { QuestionHeading } from "./question-heading";
import { QuizProgress } from "./quiz-progress";
import { postJson } from "@/lib/forms/post-json";
import { answerCheck } from "./answer-check";
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_HEADER } from "@/lib/http/idempotency/fields";

/**
 * One question as a form. Without JavaScript it posts to `action`, which
 * redirects to a page showing the feedback; with JavaScript it posts JSON
 * and shows the feedback in place, then moves on: a refresh of this page for
 * the next question of the same quiz, or a link for anything else.
 * `idempotencyKey` (fresh per server render) goes with every submit of this
 * form, so a double submit or a retry is recorded once.
 */
export function QuestionForm({
  action,
  question,
  idempotencyKey,
}: {
  action: string;
  question: PublicQuestion;
  idempotencyKey?: string;
}) {
  const router = useRouter();
  const form = useForm<AnswerInput>({
    resolver: answerCheck.resolver,
    defaultValues: { questionId: question.id },
  });
  const [result, setResult] = useState<{ feedback: Feedback; next: NextStep } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [navigating, startNavigation] = useTransition();
  const feedbackHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) feedbackHeading.current?.focus();
  }, [result]);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const headers: Record<string, string> = idempotencyKey ? { [IDEMPOTENCY_HEADER]: idempotencyKey } : {};
    const posted = await postJson<{ feedback: Feedback; next: NextStep }>(action, values, headers);
    if (posted.ok) setResult(posted.data);
    else setError(posted.message);
  });

  const fieldError = form.formState.errors.answer?.message ?? form.formState.errors.answer?.root?.message;
  const message = error ?? fieldError;

  return (
    <>
      <QuizProgress index={question.index} total={question.total} />
      <form method="post" action={action} onSubmit={onSubmit} noValidate className="question-form" {...answerCheck.preloadOn}>
        <fieldset>
          <QuestionHeading question={question} />
          <input type="hidden" value={question.id} {...form.register("questionId")} />
          {idempotencyKey && <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />}
          <QuestionFields question={question} register={form.register} disabled={result !== null} feedback={result?.feedback} />
        </fieldset>
        <p role="alert" className="form-error">
          {message}
        </p>
        {!result && (
          <button type="submit" className="button" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Checking…" : "Check answer"}
          </button>
        )}
      </form>
      {result && (
        <>
          <AnswerFeedback feedback={result.feedback} headingRef={feedbackHeading} />
          {result.next.sameRoute ? (
            <button
              type="button"
              className="button"
              disabled={navigating}
              onClick={() => startNavigation(() => router.refresh())}
            >
              {navigating ? "Loading…" : result.next.label}
            </button>
          ) : (
            <a className="button" href={result.next.href}>
              {result.next.label}
            </a>
          )}
        </>
      )}
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { NextStep } from "@/lib/questions/schemas";
import type { AnswerFields, AnswerInput } from "@/lib/questions/requests";
import type { AnswerFeedback as Feedback, PublicQuestion } from "@/lib/questions/schemas";
import { AnswerFeedback } from "./answer-feedback";
import { QuestionFields } from "./question-fields";
import { QuestionHeading } from "./question-heading";
import { ReadAloud } from "./read-aloud";
import { letterLabel, questionSpeech } from "@/lib/questions/read-aloud";
import { postJson } from "@/lib/forms/post-json";
import { useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { answerCheck } from "./answer-check";
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_HEADER } from "@/lib/http/idempotency/fields";

/**
 * Whether the next question form to mount replaces one on this page (Next
 * question, a stale tab catching up: focus moves to it) rather than starts
 * a page load (it does not). Set from event handlers, taken once on mount.
 */
let replacingQuestion = false;
const markReplacingQuestion = () => {
  replacingQuestion = true;
};
const takeReplacingQuestion = () => {
  const was = replacingQuestion;
  replacingQuestion = false;
  return was;
};

/**
 * One question as a form. Without JavaScript it posts to `action`, which
 * redirects to a page showing the feedback; with JavaScript it posts JSON
 * and shows the feedback in place, then moves on: a refresh of this page for
 * the next question of the same quiz, or a link for anything else.
 * `idempotencyKey` (fresh per server render) goes with every submit of this
 * form, so a double submit or a retry is recorded once. `staleHref`: where
 * to go when the question was already answered elsewhere (another tab),
 * which shows where the attempt is now, with `notice` saying why.
 */
export function QuestionForm({
  action,
  question,
  idempotencyKey,
  staleHref,
  notice,
}: {
  action: string;
  question: PublicQuestion;
  idempotencyKey?: string;
  staleHref?: string;
  notice?: string;
}) {
  const router = useRouter();
  const form = useForm<AnswerFields, unknown, AnswerInput>({
    resolver: answerCheck.resolver,
    defaultValues: { questionId: question.id },
  });
  const [result, setResult] = useState<{ feedback: Feedback; next: NextStep } | null>(null);
  const [error, setError] = useState<string | null>(useRefusal()?.message ?? null);
  const [navigating, startNavigation] = useTransition();
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const noticeBox = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (result) feedbackHeading.current?.focus();
  }, [result]);

  // A new question in place of the last: its heading starts the screen and takes focus, so a screen reader
  // announces it (the refresh keeps the scroll position of the feedback, and focus fell to the body with the
  // Next button). The first question of a page load keeps the page's own focus order.
  useLayoutEffect(() => {
    if (!takeReplacingQuestion()) return;
    (noticeBox.current ?? questionHeading.current)?.scrollIntoView({ block: "start", behavior: "instant" });
    questionHeading.current?.focus({ preventScroll: true });
  }, []);

  // The note is for this landing only: a refresh or the next question should not repeat it.
  useEffect(() => {
    if (notice) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [notice]);

  const moveOn = (navigate: () => void) => {
    markReplacingQuestion();
    startNavigation(navigate);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const headers: Record<string, string> = idempotencyKey ? { [IDEMPOTENCY_HEADER]: idempotencyKey } : {};
    const posted = await postJson<{ feedback: Feedback; next: NextStep }>(action, values, headers);
    if (posted.ok) setResult(posted.data);
    else if (posted.code === "conflict" && staleHref) moveOn(() => router.replace(staleHref, { scroll: false }));
    else setError(posted.message);
  });

  const fieldError = form.formState.errors.answer?.message ?? form.formState.errors.answer?.root?.message;
  const message = error ?? fieldError;

  return (
    <>
      {notice && (
        <p ref={noticeBox} role="status" className="callout notice">
          {notice}
        </p>
      )}
      <form method="post" action={action} onSubmit={onSubmit} noValidate={useNoValidate()} className="question-form" {...answerCheck.preloadOn}>
        <fieldset>
          <QuestionHeading question={question} headingRef={questionHeading} />
          <ReadAloud utterances={questionSpeech(question, letterLabel)} label="Read the question aloud" />
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
              onClick={() => moveOn(() => router.refresh())}
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

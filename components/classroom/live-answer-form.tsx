"use client";

import { useState, type CSSProperties } from "react";
import { useForm } from "react-hook-form";
import { QuestionFields } from "@/components/quiz/question-fields";
import { answerCheck } from "@/components/quiz/answer-check";
import { QuestionHeading } from "@/components/quiz/question-heading";
import { useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { api } from "@/lib/classroom/paths";
import type { AnswerFields, AnswerInput } from "@/lib/questions/requests";
import type { PublicQuestion } from "@/lib/questions/schemas";
import { answerText, liveChoices, screenText } from "./live-choices";
import { OptionMark, optionMark } from "./option-mark";
import styles from "./live.module.css";

/** Choices this short sit two by two; longer ones get a row each, so no text is cut. */
const GRID_MAX_CHARS = 24;
/** Past this much text, type and padding shrink a step, so the question still fits a 320×568 screen unscrolled. */
const DENSE_MIN_CHARS = 280;

/**
 * The current question on a student's phone, laid out as a game controller:
 * choices are big buttons in the colour and shape of the same choice on the
 * projector, and one tap answers. Ordering questions keep their fields and a
 * send button that stays on screen. Without JavaScript both are plain form
 * posts to the same route.
 *
 * `send` answers or keeps the answer while offline (use-kept-answer.ts) and
 * resolves to a refusal to show here, or null.
 */
export function LiveAnswerForm({
  sessionId,
  question,
  send,
}: {
  sessionId: string;
  question: PublicQuestion;
  send: (questionId: string, answer: string | string[], display: string) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(useRefusal()?.message ?? null);
  const [sending, setSending] = useState(false);
  const form = useForm<AnswerFields, unknown, AnswerInput>({ resolver: answerCheck.resolver, defaultValues: { questionId: question.id } });

  async function answer(value: string | string[]) {
    setError(null);
    setSending(true);
    const refused = await send(question.id, value, answerText(question, value));
    setSending(false);
    setError(refused);
  }

  const choices = liveChoices(question);
  const grid = choices.every((choice) => choice.text.length <= GRID_MAX_CHARS);
  const fieldError = form.formState.errors.answer?.message ?? form.formState.errors.answer?.root?.message;
  const message = (
    <p role="alert" className="form-error">
      {error ?? fieldError}
    </p>
  );

  return (
    <form
      method="post"
      action={api.answers(sessionId)}
      onSubmit={form.handleSubmit((values) => answer(values.answer))}
      noValidate={useNoValidate()}
      {...answerCheck.preloadOn}
    >
      <fieldset className={screenText(question) > DENSE_MIN_CHARS ? `${styles.fieldset} ${styles.dense}` : styles.fieldset}>
        <QuestionHeading question={question} />
        <input type="hidden" value={question.id} {...form.register("questionId")} />
        {question.kind === "order" || question.kind === "estimate" ? (
          <QuestionFields question={question} register={form.register} disabled={sending} />
        ) : (
          <div className={grid ? `${styles.options} ${styles.grid}` : styles.options}>
            {choices.map(({ mark: position, ...choice }) => (
              <button
                key={choice.id}
                type="submit"
                name="answer"
                value={choice.id}
                className={styles.option}
                style={{ "--mark": optionMark(position).colour } as CSSProperties}
                data-shape={optionMark(position).shape}
                disabled={sending}
                onClick={(event) => {
                  event.preventDefault();
                  void answer(choice.id);
                }}
              >
                <OptionMark position={position} className={styles.mark} />
                <span>{choice.text}</span>
              </button>
            ))}
          </div>
        )}
      </fieldset>
      {question.kind === "order" || question.kind === "estimate" ? (
        // Stays in view at the bottom of the screen while the items scroll and the timer runs.
        <div className={styles.send}>
          {message}
          <button type="submit" className="button" disabled={sending}>
            {sending ? "Sending…" : "Send my answer"}
          </button>
        </div>
      ) : (
        message
      )}
    </form>
  );
}

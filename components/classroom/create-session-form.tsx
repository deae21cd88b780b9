"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { postJson } from "@/lib/forms/post-json";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { TOPIC_LABELS } from "@/lib/content/constants";
import type { Topic } from "@/lib/content/schemas";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import { api } from "@/lib/classroom/paths";
import type { CreateSessionFormValues, CreateSessionInput } from "@/lib/classroom/requests";
import { DUE_IN_HOURS, TIMER_CHOICES, type DueInHours, type SessionMode, type Scoring, type TimerChoice } from "@/lib/classroom/settings";

const createCheck = lazySchemaResolver(() => import("@/lib/classroom/requests").then((module) => module.createSessionSchema));

const MODES: Record<SessionMode, string> = {
  live: "Live, in class: you move the class from question to question on the projector",
  homework: "Homework: each student at their own pace, until a deadline",
};
const SCORING: Record<Scoring, string> = {
  accuracy: "Accuracy only: one point per right answer",
  speed: "Speed bonus: 500 to 1,000 points per right answer, more for faster ones",
};
const timerLabel = (seconds: TimerChoice) => (seconds === 0 ? "No timer: you close each question" : `${seconds} seconds`);
const dueLabel = (hours: DueInHours) =>
  hours === 1 ? "In 1 hour" : hours < 168 ? `In ${hours / 24} day${hours === 24 ? "" : "s"}` : `In ${hours / 168} week${hours === 168 ? "" : "s"}`;

function RadioGroup<V extends string | number>({
  legend,
  name,
  options,
  register,
}: {
  legend: string;
  name: "mode" | "length" | "scoring";
  options: readonly { value: V; label: string }[];
  register: UseFormRegister<CreateSessionFormValues>;
}) {
  return (
    <fieldset className="quiz-options">
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="radio" value={String(option.value)} {...register(name)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Select({
  id,
  label,
  children,
  register,
  name,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
  register: UseFormRegister<CreateSessionFormValues>;
  name: "topic" | "timer" | "dueInHours";
}) {
  return (
    <div className="quiz-options">
      <label htmlFor={id} style={{ fontWeight: 700, display: "block", marginBottom: "0.5rem" }}>
        {label}
      </label>
      <select id={id} {...register(name)}>
        {children}
      </select>
    </div>
  );
}

/**
 * Setting up a session. Posts as a plain form without JavaScript (the
 * server answers with the projector page); with it, validates with the
 * route's schema and goes there itself.
 */
export function CreateSessionForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateSessionFormValues, unknown, CreateSessionInput>({
    resolver: createCheck.resolver,
    defaultValues: { mode: "live", length: "10", topic: "", timer: "20", scoring: "accuracy", dueInHours: "24" },
  });
  const { register, formState } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const posted = await postJson<{ href: string }>(api.sessions, values);
    if (posted.ok) router.push(posted.data.href);
    else setError(posted.message);
  });

  const problems = Object.values(formState.errors).map((problem) => problem?.message);
  const busy = formState.isSubmitting || formState.isSubmitSuccessful;
  return (
    <form method="post" action={api.sessions} onSubmit={onSubmit} noValidate {...createCheck.preloadOn}>
      <RadioGroup legend="How will the class play?" name="mode" register={register} options={(Object.keys(MODES) as SessionMode[]).map((value) => ({ value, label: MODES[value] }))} />
      <RadioGroup legend="How many questions?" name="length" register={register} options={QUIZ_LENGTHS.map((value) => ({ value, label: `${value} questions` }))} />
      <Select id="topic" label="Topic (optional)" name="topic" register={register}>
        <option value="">All topics</option>
        {(Object.entries(TOPIC_LABELS) as [Topic, string][]).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </Select>
      <h2>For a live session</h2>
      <Select id="timer" label="Time per question" name="timer" register={register}>
        {TIMER_CHOICES.map((seconds) => (
          <option key={seconds} value={String(seconds)}>
            {timerLabel(seconds)}
          </option>
        ))}
      </Select>
      <RadioGroup legend="Scoring" name="scoring" register={register} options={(Object.keys(SCORING) as Scoring[]).map((value) => ({ value, label: SCORING[value] }))} />
      <h2>For homework</h2>
      <Select id="dueInHours" label="Due" name="dueInHours" register={register}>
        {DUE_IN_HOURS.map((hours) => (
          <option key={hours} value={String(hours)}>
            {dueLabel(hours)}
          </option>
        ))}
      </Select>
      <p className="meta">Homework is scored on accuracy, without a timer: students see the answer after each question.</p>
      <p role="alert" className="form-error">
        {error ?? problems.find(Boolean)}
      </p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Setting up…" : "Create the session"}
      </button>
    </form>
  );
}

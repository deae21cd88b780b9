"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { TOPIC_LABELS } from "@/lib/content/constants";
import type { Topic } from "@/lib/content/schemas";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import type { startQuizSchema, StartQuizInput } from "@/lib/quiz/requests";
import { postJson } from "@/lib/forms/post-json";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";

const LENGTH_LABELS: Record<(typeof QUIZ_LENGTHS)[number], string> = {
  5: "Quick: 5 questions",
  10: "Standard: 10 questions",
  20: "Full: 20 questions",
};

type FormValues = z.input<typeof startQuizSchema>;

const startCheck = lazySchemaResolver(() => import("@/lib/quiz/requests").then((module) => module.startQuizSchema));

/** Posts as a plain form without JavaScript; with it, validates with the route's schema and navigates. */
export function StartQuizForm({ topic }: { topic?: Topic }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, StartQuizInput>({
    resolver: startCheck.resolver,
    defaultValues: { length: "10", topic: topic ?? "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const posted = await postJson<{ href: string }>("/api/quiz/attempts", values);
    if (posted.ok) router.push(posted.data.href);
    else setError(posted.message);
  });

  return (
    <form method="post" action="/api/quiz/attempts" onSubmit={onSubmit} noValidate {...startCheck.preloadOn}>
      <fieldset className="quiz-options">
        <legend>How many questions?</legend>
        <div className="choices">
          {QUIZ_LENGTHS.map((length) => (
            <label key={length} className="choice">
              <input type="radio" value={String(length)} {...form.register("length")} />
              <span>{LENGTH_LABELS[length]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="quiz-options">
        <label htmlFor="topic" style={{ fontWeight: 700, display: "block", marginBottom: "0.5rem" }}>
          Topic (optional)
        </label>
        <select id="topic" {...form.register("topic")}>
          <option value="">All topics</option>
          {(Object.entries(TOPIC_LABELS) as [Topic, string][]).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p role="alert" className="form-error">
        {error ?? form.formState.errors.length?.message ?? form.formState.errors.topic?.message}
      </p>
      <button type="submit" className="button" disabled={form.formState.isSubmitting || form.formState.isSubmitSuccessful}>
        {form.formState.isSubmitting || form.formState.isSubmitSuccessful ? "Starting…" : "Start the quiz"}
      </button>
    </form>
  );
}

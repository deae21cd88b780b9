"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { RadioGroup, SelectField } from "@/components/ui/choice-fields";
import { useFormPost, useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { TOPIC_CHOICES } from "@/lib/content/constants";
import type { Topic } from "@/lib/content/schemas";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import type { startQuizSchema, StartQuizInput } from "@/lib/quiz/requests";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { api } from "@/lib/quiz/paths";

const LENGTH_LABELS: Record<(typeof QUIZ_LENGTHS)[number], string> = {
  5: "Quick: 5 questions",
  10: "Standard: 10 questions",
  20: "Full: 20 questions",
};

type FormValues = z.input<typeof startQuizSchema>;

const startCheck = lazySchemaResolver(() => import("@/lib/quiz/requests").then((module) => module.startQuizSchema));

/** What a refused plain post shows again (the topic comes back as the page's `?topic=`). */
const ECHO = ["length"] as const;

/**
 * Posts as a plain form without JavaScript; with it, validates with the
 * route's schema and navigates. `topic` (from `?topic=`) is chosen in the
 * server's HTML too, so a start without JavaScript keeps it.
 */
export function StartQuizForm({ topic }: { topic?: Topic }) {
  const router = useRouter();
  const refusal = useRefusal(ECHO);
  const defaults = { length: QUIZ_LENGTHS.map(String).find((length) => length === refusal?.values.length) ?? "10", topic: topic ?? "" };
  const form = useForm<FormValues, unknown, StartQuizInput>({ resolver: startCheck.resolver, defaultValues: defaults });
  const submission = useFormPost({ refusal, validating: form.formState.isSubmitting });
  const onSubmit = form.handleSubmit((values) => submission.post<{ href: string }>(api.attempts, values, (data) => router.push(data.href)));
  const noValidate = useNoValidate();

  return (
    <form method="post" action={api.attempts} onSubmit={onSubmit} noValidate={noValidate} {...startCheck.preloadOn}>
      <RadioGroup
        legend="How many questions?"
        field={form.register("length")}
        initial={defaults.length}
        options={QUIZ_LENGTHS.map((value) => ({ value, label: LENGTH_LABELS[value] }))}
      />
      <SelectField label="Topic (optional)" field={form.register("topic")} initial={defaults.topic} options={TOPIC_CHOICES} />
      <p role="alert" className="form-error">
        {submission.error ?? form.formState.errors.length?.message ?? form.formState.errors.topic?.message}
      </p>
      <button type="submit" className="button" disabled={submission.busy}>
        {submission.busy ? "Starting…" : "Start the quiz"}
      </button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { RadioGroup, SelectField } from "@/components/ui/choice-fields";
import { TOPIC_CHOICES } from "@/lib/content/constants";
import type { Topic } from "@/lib/content/schemas";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import type { startQuizSchema, StartQuizInput } from "@/lib/quiz/requests";
import { postJson } from "@/lib/forms/post-json";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { api } from "@/lib/quiz/paths";

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
    const posted = await postJson<{ href: string }>(api.attempts, values);
    if (posted.ok) router.push(posted.data.href);
    else setError(posted.message);
  });

  return (
    <form method="post" action={api.attempts} onSubmit={onSubmit} noValidate {...startCheck.preloadOn}>
      <RadioGroup legend="How many questions?" field={form.register("length")} options={QUIZ_LENGTHS.map((value) => ({ value, label: LENGTH_LABELS[value] }))} />
      <SelectField label="Topic (optional)" field={form.register("topic")} options={TOPIC_CHOICES} />
      <p role="alert" className="form-error">
        {error ?? form.formState.errors.length?.message ?? form.formState.errors.topic?.message}
      </p>
      <button type="submit" className="button" disabled={form.formState.isSubmitting || form.formState.isSubmitSuccessful}>
        {form.formState.isSubmitting || form.formState.isSubmitSuccessful ? "Starting…" : "Start the quiz"}
      </button>
    </form>
  );
}

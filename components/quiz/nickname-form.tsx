"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { NicknameFormInput } from "@/lib/nickname-schema";
import { NICKNAME_MAX_GRAPHEMES } from "@/lib/nickname-text";
import { NicknameField } from "@/components/ui/nickname-field";
import { useFormPost, useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";

const nicknameCheck = lazySchemaResolver(() => import("@/lib/nickname-schema").then((module) => module.nicknameFormTextSchema));

const ECHO = ["nickname"] as const;

/** Adds a finished result to the leaderboards under a nickname; a plain form post without JavaScript. */
export function NicknameForm({ action, suggestion }: { action: string; suggestion: string }) {
  const router = useRouter();
  const refusal = useRefusal(ECHO);
  const form = useForm<NicknameFormInput, unknown, { nickname: string }>({
    resolver: nicknameCheck.resolver,
    defaultValues: { nickname: refusal?.values.nickname ?? "" },
  });
  const submission = useFormPost({ refusal, validating: form.formState.isSubmitting });
  const onSubmit = form.handleSubmit((values) => submission.post(action, values, () => router.refresh()));
  const noValidate = useNoValidate();

  return (
    <form method="post" action={action} onSubmit={onSubmit} noValidate={noValidate} {...nicknameCheck.preloadOn}>
      <NicknameField
        label="Nickname"
        hint={`Up to ${NICKNAME_MAX_GRAPHEMES} characters. Only the nickname is shown; leave it out to stay off the board. For example: ${suggestion}`}
        error={submission.error ?? form.formState.errors.nickname?.message}
        initial={refusal?.values.nickname}
        registration={form.register("nickname")}
        required
      />
      <button type="submit" className="button" disabled={submission.busy}>
        Add me to the leaderboard
      </button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { NicknameFormInput } from "@/lib/nickname-text";
import { NicknameField } from "@/components/ui/nickname-field";
import { postJson } from "@/lib/forms/post-json";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";

const nicknameCheck = lazySchemaResolver(() => import("@/lib/nickname-text").then((module) => module.nicknameFormTextSchema));

/** Adds a finished result to the leaderboards under a nickname; a plain form post without JavaScript. */
export function NicknameForm({ action, suggestion }: { action: string; suggestion: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NicknameFormInput, unknown, { nickname: string }>({
    resolver: nicknameCheck.resolver,
    defaultValues: { nickname: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const posted = await postJson(action, values);
    if (posted.ok) router.refresh();
    else setError(posted.message);
  });

  const message = error ?? form.formState.errors.nickname?.message;
  return (
    <form method="post" action={action} onSubmit={onSubmit} noValidate {...nicknameCheck.preloadOn}>
      <NicknameField
        label="Nickname"
        hint={`Up to 20 characters. Only the nickname is shown; leave it out to stay off the board. For example: ${suggestion}`}
        error={message}
        registration={form.register("nickname")}
      />
      <button type="submit" className="button" disabled={form.formState.isSubmitting}>
        Add me to the leaderboard
      </button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { NicknameField } from "@/components/ui/nickname-field";
import { postJson } from "@/lib/forms/post-json";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_HEADER } from "@/lib/http/idempotency/fields";
import { api } from "@/lib/classroom/paths";
import type { JoinSessionFormValues } from "@/lib/classroom/requests";

const joinCheck = lazySchemaResolver(() => import("@/lib/classroom/requests").then((module) => module.joinSessionTextSchema));

/**
 * The nickname step of joining: type one, or leave it empty for a
 * generated name. The same schema (the shared normaliser and filter) runs
 * here and in the route; uniqueness is the server's to check.
 * `idempotencyKey` (fresh per server render) goes with every submit, so a
 * double tap or a retry joins once.
 */
export function JoinForm({ sessionId, suggestion, idempotencyKey }: { sessionId: string; suggestion: string; idempotencyKey: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<JoinSessionFormValues, unknown, { nickname?: string }>({
    resolver: joinCheck.resolver,
    defaultValues: { nickname: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const posted = await postJson<{ href: string }>(api.players(sessionId), values, { [IDEMPOTENCY_HEADER]: idempotencyKey });
    if (posted.ok) router.push(posted.data.href);
    else setError(posted.message);
  });

  const message = error ?? form.formState.errors.nickname?.message;
  const busy = form.formState.isSubmitting || form.formState.isSubmitSuccessful;
  return (
    <form method="post" action={api.players(sessionId)} onSubmit={onSubmit} noValidate {...joinCheck.preloadOn}>
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />
      <NicknameField
        label="Your nickname"
        hint={`Up to 20 characters, shown to the class. Leave it empty to get a name like ${suggestion}.`}
        error={message}
        registration={form.register("nickname")}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-fields";
import { NicknameField } from "@/components/ui/nickname-field";
import { useFormPost, useNoValidate, useRefusal } from "@/components/ui/use-form-post";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_HEADER } from "@/lib/http/idempotency/fields";
import { NICKNAME_MAX_GRAPHEMES } from "@/lib/nickname-text";
import { api } from "@/lib/classroom/paths";
import type { JoinSessionFormValues } from "@/lib/classroom/requests";
import { teamName } from "@/lib/classroom/team-names";

const joinCheck = lazySchemaResolver(() => import("@/lib/classroom/requests").then((module) => module.joinSessionTextSchema));

const ECHO = ["nickname", "team"] as const;

/**
 * The nickname step of joining: type one, or leave it empty for a
 * generated name. The same schema (the shared normaliser) runs here and in
 * the route; the word filter and uniqueness are the server's to check.
 * `idempotencyKey` (fresh per server render) goes with every submit, so a
 * double tap or a retry joins once. `teamChoices`: the session's teams when
 * students choose theirs (0 otherwise).
 */
export function JoinForm({
  sessionId,
  suggestion,
  idempotencyKey,
  teamChoices,
}: {
  sessionId: string;
  suggestion: string;
  idempotencyKey: string;
  teamChoices: number;
}) {
  const router = useRouter();
  const refusal = useRefusal(ECHO);
  const form = useForm<JoinSessionFormValues, unknown, { nickname?: string; team?: number }>({
    resolver: joinCheck.resolver,
    defaultValues: { nickname: refusal?.values.nickname ?? "", team: refusal?.values.team ?? "" },
  });
  const submission = useFormPost({ refusal, validating: form.formState.isSubmitting });
  const onSubmit = form.handleSubmit((values) =>
    submission.post<{ href: string }>(api.players(sessionId), values, (data) => router.push(data.href), { [IDEMPOTENCY_HEADER]: idempotencyKey }),
  );
  const noValidate = useNoValidate();

  return (
    <form method="post" action={api.players(sessionId)} onSubmit={onSubmit} noValidate={noValidate} {...joinCheck.preloadOn}>
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />
      <NicknameField
        label="Your nickname"
        hint={`Up to ${NICKNAME_MAX_GRAPHEMES} characters, shown to the class. Leave it empty to get a name like ${suggestion}.`}
        error={submission.error ?? form.formState.errors.nickname?.message}
        initial={refusal?.values.nickname}
        registration={form.register("nickname")}
      />
      {teamChoices > 0 && (
        <>
          <RadioGroup
            legend="Your team"
            field={form.register("team")}
            initial={refusal?.values.team}
            options={Array.from({ length: teamChoices }, (_, i) => ({ value: i + 1, label: teamName(i + 1) }))}
          />
          {form.formState.errors.team?.message && (
            <p role="alert" className="form-error">
              {form.formState.errors.team.message}
            </p>
          )}
        </>
      )}
      <button type="submit" className="button" disabled={submission.busy}>
        {submission.busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}

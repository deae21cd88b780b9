"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useFormPost, useRefusal } from "@/components/ui/use-form-post";
import { EXTRA_TIME_LABELS } from "@/lib/classroom/accommodations";
import { EXTRA_TIME_CHOICES, type Accommodations } from "@/lib/classroom/settings";
import { api } from "@/lib/classroom/paths";
import type { HostActionInput } from "@/lib/classroom/requests";
import styles from "./dashboard.module.css";

/** What a refused plain post echoes, to find the form it came from. */
const ECHO = ["action", "playerId"] as const;

/**
 * One student's accommodations on the dashboard: extra time and fewer
 * options, saved with the "accommodate" host action. A plain form post
 * without JavaScript; with it, a JSON post and a refresh. Only this
 * student's phone changes: nothing of it reaches the projector or the class.
 */
export function AccommodationForm({
  sessionId,
  playerId,
  nickname,
  given,
}: {
  sessionId: string;
  playerId: string;
  nickname: string;
  given: Accommodations;
}) {
  const router = useRouter();
  const id = useId();
  const refusal = useRefusal(ECHO);
  const refused = refusal?.values.action === "accommodate" && refusal.values.playerId === playerId ? refusal : undefined;
  const submission = useFormPost({ refusal: refused, staysAfterSuccess: true });
  const [saved, setSaved] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const body: HostActionInput = {
      action: "accommodate",
      version: 0,
      playerId,
      extraTime: EXTRA_TIME_CHOICES.find((choice) => choice === fields.get("extraTime")) ?? "none",
      fewerOptions: fields.get("fewerOptions") === "on",
      from: "dashboard",
    };
    setSaved(await submission.post(api.hostActions(sessionId), body, () => undefined));
    router.refresh();
  }

  return (
    <form method="post" action={api.hostActions(sessionId)} onSubmit={submit} onChange={() => setSaved(false)} className={styles.accommodations}>
      <input type="hidden" name="action" value="accommodate" />
      <input type="hidden" name="version" value="0" />
      <input type="hidden" name="playerId" value={playerId} />
      <input type="hidden" name="from" value="dashboard" />
      <label htmlFor={`${id}-time`} className="visually-hidden">
        Time for {nickname}
      </label>
      <select id={`${id}-time`} name="extraTime" defaultValue={given.extraTime}>
        {EXTRA_TIME_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {EXTRA_TIME_LABELS[choice]}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" name="fewerOptions" defaultChecked={given.fewerOptions} /> Fewer options
        <span className="visually-hidden"> for {nickname}</span>
      </label>
      <button type="submit" className="button button--secondary" disabled={submission.busy}>
        Save <span className="visually-hidden">{nickname}&apos;s accommodations</span>
      </button>
      <span role="status">{saved && !submission.busy ? "Saved" : ""}</span>
      <span role="alert">{submission.error}</span>
    </form>
  );
}

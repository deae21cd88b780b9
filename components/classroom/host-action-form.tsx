"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useFormPost, useRefusal } from "@/components/ui/use-form-post";
import { api } from "@/lib/classroom/paths";
import type { HostAction, HostActionInput } from "@/lib/classroom/requests";
import type { HostView } from "@/lib/classroom/views";
import styles from "./host.module.css";

/** What a refused plain post echoes, to find the button it came from. */
const ECHO = ["action", "playerId"] as const;

/**
 * One teacher action as a button. Without JavaScript it is a plain form
 * post that lands back on the page; with it, a JSON post whose answer
 * (the new state) goes to `onDone`, or refreshes the page when there is
 * none (or when it is refused: the page then shows where the session is).
 * `confirm` asks first, for actions that cannot be undone. `seenAt` is the
 * server time of the view the button was drawn from (lib/classroom/requests.ts);
 * `pressed` makes it a toggle button (aria-pressed).
 */
export function HostActionForm({
  sessionId,
  action,
  version,
  playerId,
  seenAt,
  from = "projector",
  confirm,
  pressed,
  className = "button",
  onDone,
  children,
}: {
  sessionId: string;
  action: HostAction;
  version: number;
  playerId?: string;
  seenAt?: number;
  pressed?: boolean;
  from?: "projector" | "dashboard";
  confirm?: string;
  className?: string;
  onDone?: (view: HostView) => void;
  children: ReactNode;
}) {
  const router = useRouter();
  // A refused plain post of this very button (the same action, for the same player).
  const refusal = useRefusal(ECHO);
  const refused = refusal?.values.action === action && refusal.values.playerId === playerId ? refusal : undefined;
  const submission = useFormPost({ refusal: refused, staysAfterSuccess: true });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    // The route validates; the projector page carries no validator for four fields it sets itself.
    const body: HostActionInput = { action, version, playerId, seenAt, from };
    const sent = await submission.post<HostView>(api.hostActions(sessionId), body, (view) => onDone?.(view));
    if (!sent || !onDone) router.refresh();
  }

  return (
    <form method="post" action={api.hostActions(sessionId)} onSubmit={submit} className={styles.inline}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={version} />
      {playerId && <input type="hidden" name="playerId" value={playerId} />}
      {seenAt !== undefined && <input type="hidden" name="seenAt" value={seenAt} />}
      <input type="hidden" name="from" value={from} />
      <button type="submit" className={className} disabled={submission.busy} aria-pressed={pressed}>
        {children}
      </button>
      <span role="alert">{submission.error}</span>
    </form>
  );
}

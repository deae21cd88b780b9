"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { postJson } from "@/lib/forms/post-json";
import { api } from "@/lib/classroom/paths";
import type { HostAction, HostActionInput } from "@/lib/classroom/requests";
import type { HostView } from "@/lib/classroom/views";
import styles from "./host.module.css";

/**
 * One teacher action as a button. Without JavaScript it is a plain form
 * post that lands back on the page; with it, a JSON post whose answer
 * (the new state) goes to `onDone`, or refreshes the page when there is
 * none. `confirm` asks first, for actions that cannot be undone.
 */
export function HostActionForm({
  sessionId,
  action,
  version,
  playerId,
  from = "projector",
  confirm,
  className = "button",
  onDone,
  children,
}: {
  sessionId: string;
  action: HostAction;
  version: number;
  playerId?: string;
  from?: "projector" | "dashboard";
  confirm?: string;
  className?: string;
  onDone?: (view: HostView) => void;
  children: ReactNode;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    setError(null);
    setBusy(true);
    // The route validates; the projector page carries no validator for four fields it sets itself.
    const body: HostActionInput = { action, version, playerId, from };
    const posted = await postJson<HostView>(api.hostActions(sessionId), body);
    setBusy(false);
    if (!posted.ok) setError(posted.message);
    if (posted.ok && onDone) onDone(posted.data);
    else router.refresh();
  }

  return (
    <form method="post" action={api.hostActions(sessionId)} onSubmit={submit} className={styles.inline}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={version} />
      {playerId && <input type="hidden" name="playerId" value={playerId} />}
      <input type="hidden" name="from" value={from} />
      <button type="submit" className={className} disabled={busy}>
        {children}
      </button>
      <span role="alert">{error}</span>
    </form>
  );
}

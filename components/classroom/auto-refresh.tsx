"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { api } from "@/lib/classroom/paths";
import type { SessionMode } from "@/lib/classroom/settings";
import type { HostView } from "@/lib/classroom/views";
import { usePolling } from "./use-polling";

/**
 * What a look found: nothing new, or something new. An answer that is not the state asked for (the session gone,
 * the store down) counts as something new: it is the page's to say.
 */
type Look = "same" | "moved";

/** A live session's look: the class's shared state, one cached copy for the whole class (a 304 while unchanged). */
async function lookAtClass(sessionId: string, tag: { current: string | null }, signal: AbortSignal): Promise<Look> {
  const response = await fetch(api.live(sessionId), { cache: "no-store", signal, headers: tag.current ? { "If-None-Match": tag.current } : {} });
  if (response.status === 304) return "same";
  if (response.ok) tag.current = response.headers.get("ETag");
  return "moved";
}

/** Homework has no shared state: the teacher's own view (two store commands) carries its progress. */
async function lookAtHomework(sessionId: string, seen: { current: string | null }, signal: AbortSignal): Promise<Look> {
  const response = await fetch(api.hostState(sessionId), { cache: "no-store", signal });
  if (!response.ok) return "moved";
  const view = (await response.json()) as HostView;
  const progress = JSON.stringify([view.version, view.phase, view.players.length, view.waiting.length, view.answers]);
  if (progress === seen.current) return "same";
  seen.current = progress;
  return "moved";
}

/**
 * Keeps the dashboard current while it is visible: every `seconds` it looks at what the class is doing, and
 * re-renders the page (which reads every student it shows) only when that moved: an answer, a join, a teacher's
 * move. A dashboard left open on a class that is reading or listening costs the store nothing, or two commands
 * a look for homework. The first look always re-renders: the page may have changed since it was rendered.
 */
export function AutoRefresh({ seconds, enabled, sessionId, mode }: { seconds: number; enabled: boolean; sessionId: string; mode: SessionMode }) {
  const router = useRouter();
  const seen = useRef<string | null>(null);
  usePolling(
    async (signal) => {
      const look = await (mode === "live" ? lookAtClass : lookAtHomework)(sessionId, seen, signal);
      if (look === "moved") router.refresh();
      return true;
    },
    seconds * 1000,
    enabled,
  );
  return null;
}

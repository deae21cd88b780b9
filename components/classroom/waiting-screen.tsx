"use client";

import { useRouter } from "next/navigation";
import { api } from "@/lib/classroom/paths";
import { usePolling } from "./use-polling";

/** A waiting phone asks every two seconds: cheap (one store read), and the class is not kept waiting long. */
const POLL_MS = 2_000;

/**
 * Moves a waiting phone on by itself: polls the student state, which says
 * "waiting" (403) until the teacher acts; anything else (let in, turned
 * away, session ended) re-renders the page, which then shows it.
 */
export function WaitForTeacher({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  usePolling(
    async (signal) => {
      const response = await fetch(api.state(sessionId), { cache: "no-store", signal });
      if (response.status >= 500) return false;
      const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
      if (body?.error?.code !== "waiting") router.refresh();
      return true;
    },
    POLL_MS,
    true,
  );
  return null;
}

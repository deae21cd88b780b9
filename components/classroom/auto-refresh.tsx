"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { api } from "@/lib/classroom/paths";
import { usePolling } from "./use-polling";

/**
 * Re-renders a server page every `seconds` while it is visible: the dashboard during a session.
 *
 * Given a live session (`liveSessionId`), it re-renders only when the class's shared state changed since the
 * last look (an answer, a join, a teacher's move): that state is one cached copy for the whole class, a 304 while
 * unchanged, where a re-render reads every student. Homework has no shared state, so it re-renders on time.
 */
export function AutoRefresh({ seconds, enabled, liveSessionId }: { seconds: number; enabled: boolean; liveSessionId?: string }) {
  const router = useRouter();
  const sharedTag = useRef<string | null>(null);
  usePolling(
    async (signal) => {
      if (liveSessionId) {
        const response = await fetch(api.live(liveSessionId), {
          cache: "no-store",
          signal,
          headers: sharedTag.current ? { "If-None-Match": sharedTag.current } : {},
        });
        if (response.status === 304) return true;
        // Anything but a new copy (the session gone, the store down) is the page's to say.
        if (response.ok) sharedTag.current = response.headers.get("ETag");
      }
      router.refresh();
      return true;
    },
    seconds * 1000,
    enabled,
  );
  return null;
}

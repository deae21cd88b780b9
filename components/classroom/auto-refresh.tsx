"use client";

import { useRouter } from "next/navigation";
import { usePolling } from "./use-polling";

/** Re-renders a server page every `seconds` while it is visible: the dashboard during a session. */
export function AutoRefresh({ seconds, enabled }: { seconds: number; enabled: boolean }) {
  const router = useRouter();
  usePolling(
    async () => {
      router.refresh();
      return true;
    },
    seconds * 1000,
    enabled,
  );
  return null;
}

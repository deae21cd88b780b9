"use client";

import { useEffect, useRef, useState } from "react";

/** A poll that hangs longer than this is abandoned, so one dead request cannot stop the loop. */
const REQUEST_TIMEOUT_MS = 6_000;
const MAX_BACKOFF_MS = 8_000;

/**
 * Calls `poll` every `intervalMs` while `enabled` and the page is visible,
 * one call at a time (a slow answer delays the next instead of piling up).
 * A phone that wakes up, comes back online or returns to the tab polls at
 * once, so it catches up within a second. Failures back off up to 8 s.
 *
 * `poll` resolves true when it reached the server. Returns false after two
 * failures in a row, for a "reconnecting" notice.
 */
export function usePolling(poll: (signal: AbortSignal) => Promise<boolean>, intervalMs: number, enabled: boolean): boolean {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  });
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    let stopped = false;
    let failures = 0;

    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    };

    async function run() {
      if (stopped || inFlight || document.visibilityState === "hidden") return;
      const controller = new AbortController();
      inFlight = controller;
      const deadline = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      const ok = await latest.current(controller.signal).catch(() => false);
      clearTimeout(deadline);
      inFlight = null;
      if (stopped) return;
      failures = ok ? 0 : failures + 1;
      setConnected(failures < 2);
      schedule(ok ? intervalMs : Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS));
    }

    const wake = () => {
      if (document.visibilityState === "visible") schedule(0);
    };
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("online", wake);
    window.addEventListener("pageshow", wake);
    schedule(intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("online", wake);
      window.removeEventListener("pageshow", wake);
    };
  }, [intervalMs, enabled]);

  return connected;
}

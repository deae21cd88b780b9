"use client";

import { useEffect, useSyncExternalStore } from "react";
import styles from "./reading-preferences.module.css";

/**
 * Larger text and reduced motion, each student's own choice on their phone
 * for this session. Kept in this tab's sessionStorage (a reload keeps it;
 * nothing reaches the server) and applied as classes on <html>, so every
 * rem grows and every animation stops. Reduced motion starts on where the
 * device already asks for it. Needs JavaScript, so it is not drawn without.
 */

type Preference = "largeText" | "reducedMotion";

const CHANGED = "reading-preferences";
const storageKey = (sessionId: string, preference: Preference) => `classroom:${sessionId}:${preference}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

function usePreference(sessionId: string, preference: Preference, deviceDefault: () => boolean) {
  const on = useSyncExternalStore(
    subscribe,
    () => {
      const stored = window.sessionStorage.getItem(storageKey(sessionId, preference));
      return stored === null ? deviceDefault() : stored === "1";
    },
    () => false,
  );
  useEffect(() => {
    document.documentElement.classList.toggle(styles[preference] ?? preference, on);
    return () => document.documentElement.classList.remove(styles[preference] ?? preference);
  }, [on, preference]);
  const set = (value: boolean) => {
    window.sessionStorage.setItem(storageKey(sessionId, preference), value ? "1" : "0");
    window.dispatchEvent(new Event(CHANGED));
  };
  return [on, set] as const;
}

const never = () => false;
const devicePrefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const hasScript = () => true;
const noSubscription = () => () => undefined;

export function ReadingPreferences({ sessionId }: { sessionId: string }) {
  const [largeText, setLargeText] = usePreference(sessionId, "largeText", never);
  const [reducedMotion, setReducedMotion] = usePreference(sessionId, "reducedMotion", devicePrefersReducedMotion);
  const scripted = useSyncExternalStore(noSubscription, hasScript, never);
  if (!scripted) return null;
  return (
    <details className={styles.panel}>
      <summary>Text size and motion</summary>
      <label>
        <input type="checkbox" checked={largeText} onChange={(event) => setLargeText(event.target.checked)} />
        Larger text
      </label>
      <label>
        <input type="checkbox" checked={reducedMotion} onChange={(event) => setReducedMotion(event.target.checked)} />
        Reduce motion
      </label>
    </details>
  );
}

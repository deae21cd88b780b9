"use client";

import { useEffect, useId, useSyncExternalStore } from "react";
import styles from "./read-aloud.module.css";

/**
 * A little slower than the voice's default: the reader follows the words on
 * the screen as they are spoken.
 */
const RATE = 0.9;

/**
 * The reading under way, shared by every button on the page, so pressing
 * one stops another and only the one reading shows "Stop reading". A fresh
 * object per reading: a cancelled reading's late end event cannot stop the
 * next one.
 */
let reading: { button: string } | null = null;
const listeners = new Set<() => void>();
function setReading(next: { button: string } | null) {
  reading = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const subscribeNever = () => () => {};

/** A speaker, or a square while speaking: drawn, not an emoji, so every device shows it. */
function SpeakerIcon({ speaking }: { speaking: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      {speaking ? (
        <path d="M6 6 H18 V18 H6 Z" fill="currentColor" />
      ) : (
        <>
          <path d="M3 9 H7 L12 5 V19 L7 15 H3 Z" fill="currentColor" />
          <path d="M15.5 8.5 a5 5 0 0 1 0 7 M18.5 5.5 a9 9 0 0 1 0 13" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

/**
 * Reads `utterances` aloud with the browser's own speech synthesis (nothing
 * leaves the device), one after another; a second press stops. Nothing is
 * rendered on the server or where the browser cannot speak. Reading stops
 * when the text changes or the button leaves the screen (the question moved
 * on). One utterance per part also keeps each short: some browsers cut off
 * a long one. `compact`: the icon alone (the label is for screen readers),
 * to sit in a row that has no room for more (the live phone's time bar,
 * the projector's heading).
 */
export function ReadAloud({ utterances, label, compact = false }: { utterances: readonly string[]; label: string; compact?: boolean }) {
  const button = useId();
  const supported = useSyncExternalStore(subscribeNever, () => "speechSynthesis" in window, () => false);
  const speaking = useSyncExternalStore(subscribe, () => reading?.button === button, () => false);
  const text = utterances.join("\n");

  useEffect(
    () => () => {
      if (reading?.button !== button) return;
      setReading(null);
      window.speechSynthesis.cancel();
    },
    [button, text],
  );

  if (!supported) return null;

  function toggle() {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setReading(null);
      return;
    }
    const current = { button };
    setReading(current);
    utterances.forEach((part, index) => {
      const utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = document.documentElement.lang;
      utterance.rate = RATE;
      if (index === utterances.length - 1) {
        utterance.onend = utterance.onerror = () => {
          if (reading === current) setReading(null);
        };
      }
      synth.speak(utterance);
    });
  }

  const name = speaking ? "Stop reading" : label;
  return (
    <button type="button" className={compact ? `${styles.button} ${styles.compact}` : styles.button} onClick={toggle}>
      <SpeakerIcon speaking={speaking} />
      {compact ? <span className="visually-hidden">{name}</span> : name}
    </button>
  );
}

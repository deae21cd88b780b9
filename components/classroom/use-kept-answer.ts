"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { postJson } from "@/lib/forms/post-json";
import { IDEMPOTENCY_HEADER } from "@/lib/http/idempotency/fields";
import { api } from "@/lib/classroom/paths";
import type { AnswerResponse, StudentView } from "@/lib/classroom/views";

/** An answer tapped while the phone was offline, kept until it can be sent. `key` makes every resend count once. */
export interface KeptAnswer {
  questionId: string;
  answer: string | string[];
  /** As the student read it, to show while it waits. */
  display: string;
  key: string;
}

/** Why a kept answer was refused when it finally arrived (late, most often), shown while that question is on screen. */
export interface KeptRefusal {
  questionId: string;
  message: string;
}

/** 128 random bits as 32 hex digits: a valid Idempotency-Key, and `crypto.getRandomValues` works on plain-HTTP school networks too. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const isKeptAnswer = (value: unknown): value is KeptAnswer => {
  const v = value as Partial<KeptAnswer> | null;
  const answer = v?.answer;
  return (
    typeof v?.questionId === "string" &&
    typeof v.display === "string" &&
    typeof v.key === "string" &&
    (typeof answer === "string" || (Array.isArray(answer) && answer.every((id) => typeof id === "string")))
  );
};

/*
 * Where a kept answer lives: sessionStorage, so a reload keeps it, or this
 * page's memory when the browser refuses storage. Read through
 * useSyncExternalStore, so the server's render (nothing kept) and the
 * browser's agree, and every writer's change redraws.
 */
const inMemory = new Map<string, string>();
const listeners = new Set<() => void>();

function readRaw(storageKey: string): string | null {
  try {
    return sessionStorage.getItem(storageKey) ?? inMemory.get(storageKey) ?? null;
  } catch {
    return inMemory.get(storageKey) ?? null;
  }
}

function writeRaw(storageKey: string, value: string | null): void {
  inMemory.delete(storageKey);
  try {
    if (value === null) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, value);
  } catch {
    if (value !== null) inMemory.set(storageKey, value);
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function parseKept(raw: string | null): KeptAnswer | null {
  try {
    const value: unknown = JSON.parse(raw ?? "null");
    return isKeptAnswer(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Sends a student's live answers, and keeps one tapped while the phone is
 * offline (school wifi drops): in memory and in sessionStorage, so a reload
 * keeps it too. It is sent, with the same idempotency key each time, when
 * the connection returns (the `online` event, and `flush` after each poll
 * that reached the server). The server decides whether it still counts; a
 * refusal (it arrived after the question closed) is kept to show.
 */
export function useKeptAnswer(sessionId: string, onAnswered: (view: StudentView) => void) {
  const storageKey = `classroom-answer:${sessionId}`;
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(storageKey),
    () => null,
  );
  const kept = useMemo(() => parseKept(raw), [raw]);
  const [refusal, setRefusal] = useState<KeptRefusal | null>(null);
  const flushing = useRef(false);
  const answered = useRef(onAnswered);
  useEffect(() => {
    answered.current = onAnswered;
  });

  const keep = useCallback((answer: KeptAnswer | null) => writeRaw(storageKey, answer && JSON.stringify(answer)), [storageKey]);

  const post = useCallback(
    (answer: KeptAnswer) =>
      postJson<AnswerResponse>(
        api.answers(sessionId),
        { questionId: answer.questionId, answer: answer.answer },
        { [IDEMPOTENCY_HEADER]: answer.key },
      ),
    [sessionId],
  );

  /** Sends the kept answer, if any and if online; a no-op while one send is under way. */
  const flush = useCallback(async () => {
    const answer = parseKept(readRaw(storageKey));
    if (!answer || flushing.current || !navigator.onLine) return;
    flushing.current = true;
    const posted = await post(answer);
    flushing.current = false;
    if (!posted.ok && posted.offline) return;
    keep(null);
    if (!posted.ok) setRefusal({ questionId: answer.questionId, message: posted.message });
    else if (posted.data.mode === "live") answered.current(posted.data.view);
  }, [storageKey, post, keep]);

  /** Sends an answer now, or keeps it when offline. Resolves to the refusal to show in the form, else null. */
  const send = useCallback(
    async (questionId: string, value: string | string[], display: string): Promise<string | null> => {
      const answer: KeptAnswer = { questionId, answer: value, display, key: newKey() };
      if (!navigator.onLine) {
        keep(answer);
        return null;
      }
      const posted = await post(answer);
      if (posted.ok) {
        if (posted.data.mode === "live") answered.current(posted.data.view);
        return null;
      }
      if (!posted.offline) return posted.message;
      keep(answer);
      return null;
    },
    [post, keep],
  );

  useEffect(() => {
    // An answer kept before a reload goes as soon as the page is back; later ones when the connection returns.
    const online = () => void flush();
    const first = setTimeout(online, 0);
    window.addEventListener("online", online);
    return () => {
      clearTimeout(first);
      window.removeEventListener("online", online);
    };
  }, [flush]);

  return { kept, refusal, send, flush };
}

import type { BrowserContext, Page } from "@playwright/test";

/**
 * The browser's speech synthesis, replaced in the read-aloud tests (the one
 * stub the project permits: a test cannot hear). It records what is spoken
 * and how; `cancel` drops the queue as the real one does, and
 * `finishSpeaking` plays it to the end.
 */

export interface Utterance {
  text: string;
  lang: string;
  rate: number;
}

interface SpeechRecord {
  spoken: Utterance[];
  cancels: number;
  finish: () => void;
}

declare global {
  interface Window {
    speechRecord?: SpeechRecord;
  }
}

/** Before any page of `target` runs: speech synthesis that records, or (`present` false) none at all. */
export async function stubSpeech(target: Page | BrowserContext, present = true): Promise<void> {
  await target.addInitScript((present) => {
    if (!present) {
      for (let owner: object | null = window; owner; owner = Object.getPrototypeOf(owner) as object | null) {
        Reflect.deleteProperty(owner, "speechSynthesis");
      }
      return;
    }
    type Recorded = { text: string; lang: string; rate: number; onend: (() => void) | null; onerror: (() => void) | null };
    let queue: Recorded[] = [];
    const record: SpeechRecord = {
      spoken: [],
      cancels: 0,
      finish() {
        const done = queue;
        queue = [];
        for (const utterance of done) utterance.onend?.();
      },
    };
    window.speechRecord = record;
    class SpeechSynthesisUtterance {
      lang = "";
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: SpeechSynthesisUtterance, configurable: true });
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        speak(utterance: Recorded) {
          record.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
          queue.push(utterance);
        },
        cancel() {
          record.cancels += 1;
          const dropped = queue;
          queue = [];
          for (const utterance of dropped) utterance.onerror?.();
        },
      },
    });
  }, present);
}

/** Everything spoken on the page since it loaded, and how often speech was stopped. */
export function speechRecord(page: Page): Promise<{ spoken: Utterance[]; cancels: number }> {
  return page.evaluate(() => ({ spoken: window.speechRecord?.spoken ?? [], cancels: window.speechRecord?.cancels ?? 0 }));
}

/** What the page has spoken since the last call to `forgetSpeech`, as text. */
export async function spokenTexts(page: Page): Promise<string[]> {
  return (await speechRecord(page)).spoken.map((utterance) => utterance.text);
}

/** Starts the record afresh, so the next assertion sees only what is spoken next. */
export function forgetSpeech(page: Page): Promise<void> {
  return page.evaluate(() => {
    if (window.speechRecord) window.speechRecord.spoken = [];
  });
}

/** Lets the speech queued so far play to its end. */
export function finishSpeaking(page: Page): Promise<void> {
  return page.evaluate(() => window.speechRecord?.finish());
}

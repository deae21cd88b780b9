"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import type { ShareContent } from "@/lib/share/share-targets";
import styles from "./share.module.css";

const noSubscription = () => () => undefined;

/** What the browser offers: false on the server and while hydrating, so the server HTML and first render agree. */
function useBrowserFeature(detect: () => boolean): boolean {
  return useSyncExternalStore(noSubscription, detect, () => false);
}

const hasWebShare = () => typeof navigator.share === "function";
const hasClipboard = () => typeof navigator.clipboard?.writeText === "function";

/**
 * The share control. Server-rendered, it is its `children`: a list of plain
 * links (X, Facebook, WhatsApp, LinkedIn, email, Google Classroom) that
 * work without JavaScript, built on the server so their code stays out of
 * the page. In the browser it adds "Copy", and where the Web Share API
 * exists (most phones) a "Share…" button that opens the system share
 * sheet, which then replaces the links.
 */
export function ShareControl({
  url,
  title,
  text,
  copyText,
  copyLabel,
  children,
}: ShareContent & {
  /** What "Copy" puts on the clipboard: the link, or a share line with the link. */
  copyText: string;
  copyLabel: string;
  /** The share links, shown until the Web Share API is found. */
  children: ReactNode;
}) {
  const canShare = useBrowserFeature(hasWebShare);
  const canCopy = useBrowserFeature(hasClipboard);
  const [status, setStatus] = useState("");

  async function share() {
    setStatus("");
    try {
      await navigator.share({ title, text, url });
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (!(error instanceof DOMException && error.name === "AbortError")) setStatus("Sharing did not work. Try copying instead.");
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(copyText);
      setStatus("Copied. Paste it into a message or post.");
    } catch {
      setStatus("Copying did not work. Select the text and copy it yourself.");
    }
  }

  return (
    <div className={styles.control}>
      {(canShare || canCopy) && (
        <div className={styles.actions}>
          {canShare && (
            <button type="button" className="button" onClick={share}>
              Share…
            </button>
          )}
          {canCopy && (
            <button type="button" className={canShare ? "button button--secondary" : "button"} onClick={copy}>
              {copyLabel}
            </button>
          )}
        </div>
      )}
      <p role="status" className={styles.status}>
        {status}
      </p>
      {!canShare && children}
    </div>
  );
}

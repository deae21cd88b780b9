"use client";

import { useEffect, useSyncExternalStore, type RefObject } from "react";

function onFullscreenChange(callback: () => void) {
  document.addEventListener("fullscreenchange", callback);
  return () => document.removeEventListener("fullscreenchange", callback);
}
const never = () => () => {};

const leave = () => {
  // Refused (already left, or a policy): the page simply stays as it is.
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
};

/**
 * Puts `target` (the projector's screen) in full screen, without the
 * browser's bars and the site's header; Escape, or the button again, leaves.
 * Hidden where the browser cannot do it (iPhone Safari, some embedded views).
 */
export function FullscreenButton({ target, className }: { target: RefObject<HTMLElement | null>; className?: string }) {
  const supported = useSyncExternalStore(never, () => document.fullscreenEnabled, () => false);
  const active = useSyncExternalStore(onFullscreenChange, () => document.fullscreenElement !== null, () => false);

  // Browsers leave full screen on Escape by themselves; kiosk and headless modes may not, so the page listens too.
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") leave();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active]);

  if (!supported) return null;
  const toggle = () => (active ? leave() : target.current?.requestFullscreen().catch(() => undefined));
  return (
    <button type="button" className={className} onClick={toggle}>
      {active ? "Leave full screen" : "Full screen"}
    </button>
  );
}

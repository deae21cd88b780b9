"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Seconds left until `closesAt` (server time), corrected by this device's
 * clock `offset` (server − device). Announced as a timer, which screen
 * readers do not read out every second. Calls `onExpire` once at zero.
 */
export function Countdown({
  closesAt,
  offset,
  onExpire,
  className,
}: {
  closesAt: number;
  offset: number;
  onExpire?: () => void;
  className?: string;
}) {
  const [now, setNow] = useState<number | null>(null);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    let done = false;
    const tick = () => {
      const current = Date.now() + offset;
      setNow(current);
      if (!done && current >= closesAt) {
        done = true;
        expire.current?.();
      }
    };
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [closesAt, offset]);

  if (now === null) return null;
  const seconds = Math.max(0, Math.ceil((closesAt - now) / 1000));
  return (
    <p role="timer" className={className}>
      {seconds > 0 ? `${seconds} s left` : "Time’s up"}
    </p>
  );
}

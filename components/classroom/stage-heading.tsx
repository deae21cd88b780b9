"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The heading of what is on screen now. When the screen changes by itself
 * (the teacher moved on), focus moves here, so a screen reader announces
 * the new question or result and keyboard users start from it.
 */
export function StageHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <h2 ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}

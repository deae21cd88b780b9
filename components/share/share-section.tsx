import type { ReactNode } from "react";
import { ShareControl } from "./share-control";

/** A titled share block: optional explanation, then the share control for one URL. */
export function ShareSection({
  id,
  heading,
  url,
  title,
  text,
  copyText = url,
  copyLabel = "Copy link",
  children,
}: {
  /** Heading id, for the section's accessible name. */
  id: string;
  heading: string;
  url: string;
  title: string;
  text: string;
  copyText?: string;
  copyLabel?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
      <ShareControl url={url} title={title} text={text} copyText={copyText} copyLabel={copyLabel} />
    </section>
  );
}

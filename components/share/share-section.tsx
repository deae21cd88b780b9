import type { ReactNode } from "react";
import { shareTargets } from "@/lib/share/share-targets";
import { ShareControl } from "./share-control";
import styles from "./share.module.css";

/** A titled share block: optional explanation, then the share control for one URL. */
export function ShareSection({
  id,
  heading,
  url,
  title,
  text,
  copyText = url,
  copyLabel = "Copy link",
  targets = shareTargets,
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
  /** The share links offered beside the copy button; the social networks unless a page needs others. */
  targets?: typeof shareTargets;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
      <ShareControl url={url} title={title} text={text} copyText={copyText} copyLabel={copyLabel}>
        <ul className={styles.targets} aria-label="Share on">
          {targets({ url, title, text }).map((target) => (
            <li key={target.id}>
              <a
                className="button button--secondary"
                href={target.href}
                {...(target.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              >
                {target.label}
                {target.newTab && <span className="visually-hidden"> (opens in a new tab)</span>}
              </a>
            </li>
          ))}
        </ul>
      </ShareControl>
    </section>
  );
}

import { SourceLinks } from "@/components/content/source-links";
import type { WhatWeKnow } from "@/lib/content";
import styles from "./what-we-know.module.css";

/**
 * After the prose: what the sources establish, what they leave open, and
 * where they disagree, each point with the sources a reader can open.
 * A disputed point gives every side's account, named, rather than a verdict.
 */
export function WhatWeKnowBox({ box }: { box: WhatWeKnow }) {
  return (
    <section className={`callout ${styles.box}`} aria-labelledby="what-we-know-heading">
      <h2 id="what-we-know-heading">What we know, what we don’t, and what is disputed</h2>
      <h3>What we know</h3>
      <PointList points={box.known} />
      <h3>What we don’t know</h3>
      <PointList points={box.unknown} />
      {box.disputed.length > 0 && (
        <>
          <h3>Disputed</h3>
          {box.disputed.map((point) => (
            <div key={point.question} className={styles.disputed}>
              <h4>{point.question}</h4>
              <dl>
                {point.accounts.map((account) => (
                  <div key={account.who}>
                    <dt>{account.who}</dt>
                    <dd>
                      {account.text}
                      <SourceLinks ids={account.sources} />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function PointList({ points }: { points: WhatWeKnow["known"] }) {
  return (
    <ul className={styles.points}>
      {points.map((point) => (
        <li key={point.text}>
          {point.text}
          <SourceLinks ids={point.sources} />
        </li>
      ))}
    </ul>
  );
}

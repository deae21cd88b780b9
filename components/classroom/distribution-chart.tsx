import type { RevealInfo } from "@/lib/classroom/views";
import styles from "./live.module.css";

/**
 * How the class answered: one bar per choice, the right one marked in
 * words as well as colour. The bars are decoration; the counts are text.
 */
export function DistributionChart({ reveal }: { reveal: RevealInfo }) {
  const most = Math.max(1, ...reveal.distribution.map((bar) => bar.count));
  return (
    <figure className={styles.chart}>
      <figcaption>
        {reveal.answered === 1 ? "1 answer" : `${reveal.answered} answers`} from the class
      </figcaption>
      <ul className={styles.bars}>
        {reveal.distribution.map((bar) => (
          <li key={bar.label} className={`${styles.bar} ${bar.correct ? styles.right : ""}`}>
            <span className={styles.barLabel}>
              {bar.correct && "✓ "}
              {bar.label}
              {bar.correct && <span className="visually-hidden"> (the right answer)</span>}
            </span>
            <span className={styles.barCount}>{bar.count}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.fill} style={{ width: `${(bar.count / most) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

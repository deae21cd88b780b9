import type { RevealInfo } from "@/lib/classroom/views";
import { OptionMark, optionMark } from "./option-mark";
import stage from "./host.module.css";
import styles from "./live.module.css";

/**
 * How the class answered: one bar per choice, the right one marked in
 * words as well as colour. The bars are decoration; the counts are text.
 * `marked`: each choice carries its position's shape and colour, as on the
 * answer buttons (not for orderings, whose bars are right and wrong, nor
 * for estimates, whose bars are ranges of numbers).
 * `projected`: sized for the back of a classroom, each bar on one line.
 */
export function DistributionChart({ reveal, marked = false, projected = false }: { reveal: RevealInfo; marked?: boolean; projected?: boolean }) {
  const most = Math.max(1, ...reveal.distribution.map((bar) => bar.count));
  // The projector adds its own sizes to the phone's look.
  const on = (base: string | undefined, big: string | undefined) => (projected ? `${base} ${big}` : base);
  return (
    <figure className={on(styles.chart, stage.chart)}>
      <figcaption>
        {reveal.answered === 1 ? "1 answer" : `${reveal.answered} answers`} from the class
      </figcaption>
      <ul className={styles.bars}>
        {reveal.distribution.map((bar, position) => (
          <li key={bar.label} className={`${on(styles.bar, stage.bar)} ${bar.correct ? on(styles.right, stage.right) : ""}`}>
            <span className={styles.barLabel}>
              {marked && (
                <span className={stage.barMark} style={{ color: optionMark(position).colour }}>
                  <OptionMark position={position} />
                </span>
              )}
              {bar.correct && "✓ "}
              {bar.label}
              {bar.correct && <span className="visually-hidden"> (the right answer)</span>}
            </span>
            <span className={styles.barCount}>{bar.count}</span>
            <span className={on(styles.track, stage.track)} aria-hidden="true">
              <span
                className={on(styles.fill, stage.fill)}
                style={{ width: `${(bar.count / most) * 100}%`, background: marked ? optionMark(position).colour : undefined }}
              />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

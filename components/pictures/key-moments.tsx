import { getPictureData, getTimeline } from "@/lib/content";
import { layoutKeyMoments, MOMENTS_BOX, MOMENTS_FONT_SIZE } from "@/lib/pictures/key-moments";
import { formatDate } from "@/lib/site";
import { PictureSvg } from "./frame";
import styles from "./pictures.module.css";

const ID = "key-moments";

/** The story since 2017 at a glance: a vertical timeline of key moments, each listed with a link to its entry. */
export function KeyMoments() {
  const { keyMoments } = getPictureData();
  const dateOf = new Map(getTimeline().map((e) => [e.id, e.date]));
  const moments = keyMoments.map((m) => ({ ...m, date: dateOf.get(m.timelineId) ?? "" }));
  const layout = layoutKeyMoments(moments);
  const { lineX, labelX } = MOMENTS_BOX;
  return (
    <figure className={`${styles.figure} ${styles.tall}`}>
      <PictureSvg
        id={ID}
        width={MOMENTS_BOX.width}
        height={layout.height}
        fontSize={MOMENTS_FONT_SIZE}
        title="Key moments, 2017 to 2026"
        description={`${moments.map((m) => `${formatDate(m.date)}: ${m.label}`).join("; ")}.`}
      >
        <line className={styles.line} x1={lineX} x2={lineX} y1={layout.years[0]?.y} y2={layout.years.at(-1)?.y} />
        {layout.years.map((year) => (
          <g key={year.year}>
            <line className={styles.axis} x1={lineX - 8} x2={lineX} y1={year.y} y2={year.y} />
            <text className={styles.muted} x={lineX - 12} y={year.y + 5} textAnchor="end">
              {year.year}
            </text>
          </g>
        ))}
        {layout.moments.map((m) => (
          <g key={m.timelineId}>
            <polyline className={styles.axis} fill="none" points={`${lineX},${m.dotY} ${labelX - 4},${m.labelY}`} />
            <circle className={styles.dot} cx={lineX} cy={m.dotY} r={5} />
            <text x={labelX} y={m.labelY + 5} fill="currentColor">
              {m.label}
            </text>
          </g>
        ))}
      </PictureSvg>
      <figcaption className={styles.caption}>
        <strong>Key moments, 2017 to 2026.</strong> Each one is dated and sourced on the timeline.
      </figcaption>
      <details className={styles.data}>
        <summary>The key moments as a list, with links</summary>
        <ol className={styles.legend}>
          {moments.map((m) => (
            <li key={m.timelineId}>
              <time dateTime={m.date}>{formatDate(m.date)}</time>: <a href={`/timeline#${m.timelineId}`}>{m.label}</a>
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}

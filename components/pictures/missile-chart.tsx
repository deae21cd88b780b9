import { SourceLinks } from "@/components/content/source-links";
import { getPictureData, getTimeline } from "@/lib/content";
import { CHART_BOX, CHART_FONT_SIZE, layoutMissileChart } from "@/lib/pictures/missile-chart";
import { formatDate } from "@/lib/site";
import { DataTable, PictureSvg } from "./frame";
import styles from "./pictures.module.css";

const ID = "missile-chart";

/** North Korea's ballistic missiles by year, with the three Trump–Kim meetings marked; a bar chart and its table. */
export function MissileChart() {
  const { missileChart } = getPictureData();
  const timeline = getTimeline();
  const summits = missileChart.summits.flatMap((id) => timeline.filter((e) => e.id === id));
  const layout = layoutMissileChart(missileChart.years, summits);
  const { plot } = layout;
  const sourced = missileChart.years.filter((y) => y.missiles !== null);
  const description =
    sourced.map((y) => `${y.year}: ${y.missiles}`).join("; ") +
    `. No sourced figure for ${missileChart.years
      .filter((y) => y.missiles === null)
      .map((y) => y.year)
      .join(" and ")}.`;
  return (
    <figure id={ID} className={styles.figure}>
      <PictureSvg
        id={ID}
        width={CHART_BOX.width}
        height={CHART_BOX.height}
        fontSize={CHART_FONT_SIZE}
        title={missileChart.title}
        description={description}
      >
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line className={styles.axis} x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
            <text className={styles.muted} x={plot.left - 4} y={tick.y + 5} textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {/* Summit lines first, so bars and their figures paint over them. */}
        {layout.summits.map((mark) => (
          <g key={mark.timelineId}>
            <line className={styles.summit} x1={mark.x} x2={mark.x} y1={plot.top - 12} y2={plot.bottom} />
            <text className={styles.summitNumber} x={mark.x} y={plot.top - 16} textAnchor="middle">
              {mark.number}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.year}>
            {bar.missiles !== null && bar.height > 0 && (
              <rect className={styles.bar} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
            )}
            <text className={styles.halo} x={bar.labelX} y={bar.y - 5} textAnchor="middle" fill="currentColor">
              {bar.missiles ?? "?"}
            </text>
            <text x={bar.labelX} y={plot.bottom + 20} textAnchor="middle" fill="currentColor">
              {bar.year}
            </text>
          </g>
        ))}
      </PictureSvg>
      <figcaption className={styles.caption}>
        <strong>{missileChart.title}.</strong> {missileChart.measure} A “?” marks a year with no figure we can source.
        Dashed lines mark the meetings:
        <ol className={styles.legend}>
          {summits.map((event) => (
            <li key={event.id}>
              <a href={`/timeline#${event.id}`}>{event.title}</a> ({formatDate(event.date)})
            </li>
          ))}
        </ol>
      </figcaption>
      <DataTable
        summary="The figures and their sources"
        caption={missileChart.title}
        columns={["Year", "Missiles", "Launch days", "Source and notes"]}
      >
              {missileChart.years.map((entry) => (
                <tr key={entry.year}>
                  <th scope="row">{entry.year}</th>
                  <td>{entry.missiles ?? "no sourced figure"}</td>
                  <td>{entry.missiles !== null && entry.launchEvents !== undefined ? entry.launchEvents : "–"}</td>
                  <td>
                    {entry.note}
                    {entry.missiles !== null && <SourceLinks ids={entry.sources} />}
                  </td>
                </tr>
              ))}
      </DataTable>
    </figure>
  );
}

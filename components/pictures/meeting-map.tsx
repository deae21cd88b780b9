import { SourceLinks } from "@/components/content/source-links";
import { getPeople, getPictureData, getTimeline } from "@/lib/content";
import { MAP_FONT_SIZE, MAP_WIDTH, projectMap } from "@/lib/pictures/meeting-map";
import type { MeetingPlace } from "@/lib/pictures/schemas";
import { formatDate } from "@/lib/site";
import { DataTable, PictureSvg } from "./frame";
import styles from "./pictures.module.css";

const ID = "meeting-map";
const LABEL_OFFSET = 8;

const LABEL_PLACEMENT = {
  left: { dx: -LABEL_OFFSET, dy: 5, anchor: "end" },
  right: { dx: LABEL_OFFSET, dy: 5, anchor: "start" },
  below: { dx: 0, dy: LABEL_OFFSET + 12, anchor: "middle" },
} as const satisfies Record<MeetingPlace["labelSide"], { dx: number; dy: number; anchor: string }>;

/** Where Kim met Trump, Moon and Putin: a map drawn at build time, and the meetings as a table. */
export function MeetingMap() {
  const { meetingPlaces } = getPictureData();
  const timeline = getTimeline();
  const nameOf = new Map(getPeople().map((p) => [p.id, p.name]));
  const map = projectMap(meetingPlaces);
  const meetingCount = meetingPlaces.reduce((n, place) => n + place.meetings.length, 0);
  const description = meetingPlaces
    .map((place) => `${place.name}: ${place.meetings.map((m) => formatDate(m.date)).join(" and ")}`)
    .join("; ");
  return (
    <figure id={ID} className={`${styles.figure} ${styles.tall}`}>
      <PictureSvg
        id={ID}
        width={MAP_WIDTH}
        height={map.height}
        fontSize={MAP_FONT_SIZE}
        title="Map of the places where Kim Jong-un held these meetings"
        description={`${description}.`}
      >
        <rect className={styles.sea} width={MAP_WIDTH} height={map.height} />
        <path className={styles.land} d={map.landPath} />
        {meetingPlaces.map((place) => {
          const { x, y } = map.project(place);
          const label = LABEL_PLACEMENT[place.labelSide];
          return (
            <g key={place.id}>
              <circle className={styles.dot} cx={x} cy={y} r={5} />
              <text x={x + label.dx} y={y + label.dy} textAnchor={label.anchor} fill="currentColor" fontWeight={600}>
                {place.mapLabel ?? place.name}
              </text>
            </g>
          );
        })}
      </PictureSvg>
      <figcaption className={styles.caption}>
        <strong>Where the meetings were held.</strong> {meetingCount} meetings in {meetingPlaces.length} places,
        2018–2024. Outlines: Natural Earth.
      </figcaption>
      <DataTable
        summary="The meetings at each place, with sources"
        caption="Meetings by place"
        columns={["Place and date", "Who met, and what happened"]}
      >
              {meetingPlaces.flatMap((place) =>
                place.meetings.map((meeting) => {
                  const event = timeline.find((e) => e.id === meeting.timelineId);
                  const sources = meeting.sources ?? event?.sources ?? [];
                  return (
                    <tr key={`${place.id}-${meeting.date}`}>
                      <th scope="row">
                        {place.name} ({place.region}), <time dateTime={meeting.date}>{formatDate(meeting.date)}</time>
                      </th>
                      <td>
                        {meeting.people.map((id) => nameOf.get(id) ?? id).join(", ")}: {meeting.what}.{" "}
                        {event && <a href={`/timeline#${event.id}`}>On the timeline</a>}
                        <SourceLinks ids={sources} />
                      </td>
                    </tr>
                  );
                }),
              )}
      </DataTable>
    </figure>
  );
}

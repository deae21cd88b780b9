import { checkRefs, type CheckContext } from "@/lib/content/references";
import type { TimelineEvent } from "@/lib/content/schemas";
import type { KeyMoment, MeetingPlace, MissileChart } from "./schemas";

/** The picture files, as content/ names them. */
export const PICTURE_FILES = {
  missileChart: "charts/missile-launches.json",
  meetingPlaces: "maps/meeting-places.json",
  keyMoments: "charts/key-moments.json",
} as const;

export interface PictureData {
  missileChart: MissileChart;
  meetingPlaces: MeetingPlace[];
  keyMoments: KeyMoment[];
}

/**
 * Sources and people exist, and every reference to the timeline agrees with it:
 * a meeting on the map has its event's date and people, a summit on the chart is
 * a summit, key moments run in date order. Cited sources count as cited.
 */
export function checkPictures(
  pictures: PictureData,
  timeline: readonly TimelineEvent[],
  personIds: ReadonlySet<string>,
  check: CheckContext,
): void {
  const { list } = check;
  const eventById = new Map(timeline.map((e) => [e.id, e]));

  const chartFile = check.file(PICTURE_FILES.missileChart);
  pictures.missileChart.years.forEach((entry, i) => {
    if (entry.missiles === null) return;
    checkRefs(entry.sources, check.sourceById, "source", chartFile, ["years", i, "sources"], list);
    entry.sources.forEach((id) => check.cited.add(id));
  });
  pictures.missileChart.summits.forEach((id, i) => {
    const event = eventById.get(id);
    if (!event) list.add(chartFile, ["summits", i], `unknown timeline event "${id}"`);
    else if (event.category !== "summit") list.add(chartFile, ["summits", i], `"${id}" is not a summit`);
  });

  const mapFile = check.file(PICTURE_FILES.meetingPlaces);
  pictures.meetingPlaces.forEach((place, i) => {
    place.meetings.forEach((meeting, j) => {
      const at = [i, "meetings", j];
      checkRefs(meeting.people, personIds, "person", mapFile, [...at, "people"], list);
      checkRefs(meeting.sources ?? [], check.sourceById, "source", mapFile, [...at, "sources"], list);
      meeting.sources?.forEach((id) => check.cited.add(id));
      if (meeting.timelineId === undefined) return;
      const event = eventById.get(meeting.timelineId);
      if (!event) {
        list.add(mapFile, [...at, "timelineId"], `unknown timeline event "${meeting.timelineId}"`);
        return;
      }
      if (event.date !== meeting.date) list.add(mapFile, [...at, "date"], `the timeline dates it ${event.date}`);
      const missing = meeting.people.filter((p) => !event.people.includes(p));
      if (missing.length > 0) list.add(mapFile, [...at, "people"], `not among the event's people: ${missing.join(", ")}`);
    });
  });

  const momentsFile = check.file(PICTURE_FILES.keyMoments);
  pictures.keyMoments.forEach((moment, i) => {
    const event = eventById.get(moment.timelineId);
    if (!event) list.add(momentsFile, [i, "timelineId"], `unknown timeline event "${moment.timelineId}"`);
    const previous = eventById.get(pictures.keyMoments[i - 1]?.timelineId ?? "");
    if (event && previous && event.date < previous.date) {
      list.add(momentsFile, [i, "timelineId"], "key moments must be in date order");
    }
  });
}

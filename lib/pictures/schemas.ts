import { z } from "zod";
import { IsoDay, Slug } from "@/lib/content/schemas";

/**
 * Schemas for the data behind the pictures (content/charts, content/maps).
 * Strict objects, like the rest of content/, so a misspelt field fails the build.
 */

const NonEmpty = z.string().trim().min(1, "must not be empty");
const SourceIds = z.array(Slug).min(1, "cite at least one source");

/** A year with a figure names its source; a year without one says why, and no bar is drawn. */
const MissileYear = z.union([
  z.strictObject({
    year: z.number().int(),
    missiles: z.number().int().min(0),
    /** Launch days or rounds, where the same source gives them. */
    launchEvents: z.number().int().min(0).optional(),
    sources: SourceIds,
    note: NonEmpty.optional(),
  }),
  z.strictObject({
    year: z.number().int(),
    missiles: z.null(),
    note: NonEmpty,
  }),
]);
export type MissileYear = z.infer<typeof MissileYear>;

export const MissileChart = z
  .strictObject({
    title: NonEmpty,
    /** One counting rule for every year, shown with the chart. */
    measure: NonEmpty,
    years: z.array(MissileYear).min(2),
    /** Timeline event ids of the summits marked on the chart. */
    summits: z.array(Slug).min(1),
  })
  .superRefine((chart, ctx) => {
    chart.years.forEach((entry, i) => {
      const previous = chart.years[i - 1];
      if (previous && entry.year !== previous.year + 1) {
        ctx.addIssue({ code: "custom", path: ["years", i, "year"], message: "years must run one after another" });
      }
    });
  });
export type MissileChart = z.infer<typeof MissileChart>;

/** A meeting either points at its timeline event (and shares its sources) or cites its own. */
export const Meeting = z
  .strictObject({
    date: IsoDay,
    people: z.array(Slug).min(2),
    what: NonEmpty.max(90),
    timelineId: z.optional(Slug),
    sources: SourceIds.optional(),
  })
  .refine((m) => m.timelineId !== undefined || m.sources !== undefined, "give a timelineId or sources");
export type Meeting = z.infer<typeof Meeting>;

export const MeetingPlace = z.strictObject({
  id: Slug,
  name: NonEmpty,
  /** A shorter name for the map, where the full one would not fit. */
  mapLabel: NonEmpty.max(14).optional(),
  region: NonEmpty,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Where the name goes beside the dot, so that close places do not overlap. */
  labelSide: z.enum(["left", "right", "below"]),
  meetings: z.array(Meeting).min(1),
});
export type MeetingPlace = z.infer<typeof MeetingPlace>;

export const KeyMoment = z.strictObject({
  timelineId: Slug,
  /** Short, to fit beside a dot on a phone. */
  label: NonEmpty.max(32),
});
export type KeyMoment = z.infer<typeof KeyMoment>;

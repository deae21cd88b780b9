import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content/errors";
import { loadContent, type ContentBundle } from "@/lib/content/load";
import { layoutKeyMoments } from "@/lib/pictures/key-moments";
import { projectMap } from "@/lib/pictures/meeting-map";
import { CHART_BOX, layoutMissileChart } from "@/lib/pictures/missile-chart";
import { EXPLAINER_PICTURES } from "@/lib/pictures/placement";
import { PICTURE_FILES } from "@/lib/pictures/references";
import { fractionalYear, linearScale, niceMax } from "@/lib/pictures/scale";
import { KeyMoment, MeetingPlace, MissileChart } from "@/lib/pictures/schemas";

/** The data behind the chart, the map and the home page's timeline, and the geometry drawn from it. */

const ROOT = path.join(process.cwd(), "content");
const readJson = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, rel), "utf8"));

let bundle: ContentBundle;
beforeAll(() => {
  bundle = loadContent(ROOT);
});

describe("picture data", () => {
  it("matches its schemas", () => {
    expect(MissileChart.safeParse(readJson(PICTURE_FILES.missileChart)).success).toBe(true);
    expect(MeetingPlace.array().safeParse(readJson(PICTURE_FILES.meetingPlaces)).success).toBe(true);
    expect(KeyMoment.array().safeParse(readJson(PICTURE_FILES.keyMoments)).success).toBe(true);
  });

  it("cites sources that exist, with every year from 2017 either sourced or marked as having no figure", () => {
    const ids = new Set(bundle.sources.map((s) => s.id));
    const { years } = bundle.pictures.missileChart;
    expect(years[0]?.year).toBe(2017);
    for (const entry of years) {
      if (entry.missiles === null) expect(entry.note).toMatch(/no/i);
      else for (const id of entry.sources) expect(ids.has(id), id).toBe(true);
    }
    for (const place of bundle.pictures.meetingPlaces) {
      for (const meeting of place.meetings) for (const id of meeting.sources ?? []) expect(ids.has(id), id).toBe(true);
    }
  });

  it("marks the three Trump–Kim meetings on the chart", () => {
    expect(bundle.pictures.missileChart.summits).toEqual(["singapore-summit", "hanoi-summit", "dmz-meeting"]);
  });

  it("has the six meeting places, each meeting agreeing with its timeline entry", () => {
    const events = new Map(bundle.timeline.map((e) => [e.id, e]));
    expect(bundle.pictures.meetingPlaces.map((p) => p.id).sort()).toEqual(
      ["hanoi", "panmunjom", "pyongyang", "singapore", "vladivostok", "vostochny"].sort(),
    );
    for (const place of bundle.pictures.meetingPlaces) {
      for (const meeting of place.meetings) {
        if (meeting.timelineId === undefined) continue;
        const event = events.get(meeting.timelineId);
        expect(event?.date, meeting.timelineId).toBe(meeting.date);
        for (const person of meeting.people) expect(event?.people).toContain(person);
      }
    }
  });

  it("links key moments to timeline entries, in date order", () => {
    const dates = new Map(bundle.timeline.map((e) => [e.id, e.date]));
    const moments = bundle.pictures.keyMoments.map((m) => dates.get(m.timelineId));
    expect(moments.every((d) => d !== undefined)).toBe(true);
    expect([...moments].sort()).toEqual(moments);
  });

  it("places pictures only in explainers that exist", () => {
    const slugs = new Set(bundle.explainers.map((e) => e.slug));
    for (const slug of Object.keys(EXPLAINER_PICTURES)) expect(slugs.has(slug), slug).toBe(true);
  });

  it("fails the load when a map meeting's date disagrees with the timeline", () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "pictures-"));
    fs.cpSync(ROOT, copy, { recursive: true });
    const file = path.join(copy, PICTURE_FILES.meetingPlaces);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"2018-06-12"', '"2018-06-13"'));
    expect(() => loadContent(copy)).toThrow(ContentError);
    fs.rmSync(copy, { recursive: true, force: true });
  });
});

describe("scales", () => {
  it("maps a domain onto a range", () => {
    const scale = linearScale([0, 10], [100, 0]);
    expect(scale(0)).toBe(100);
    expect(scale(5)).toBe(50);
    expect(scale(10)).toBe(0);
  });

  it("rounds maxima up to a step, never to zero", () => {
    expect(niceMax(59, 20)).toBe(60);
    expect(niceMax(60, 20)).toBe(60);
    expect(niceMax(0, 20)).toBe(20);
  });

  it("turns a date into a fractional year", () => {
    expect(fractionalYear("2019-01-01")).toBe(2019);
    expect(fractionalYear("2018-07-02")).toBeCloseTo(2018.5, 2);
  });
});

describe("missile chart geometry", () => {
  const years = [
    { year: 2018, missiles: 0, sources: ["a"] },
    { year: 2019, missiles: 25, sources: ["a"] },
    { year: 2020, missiles: null, note: "no figure" },
  ];
  const layout = layoutMissileChart(years, [{ id: "s", date: "2019-07-02" }]);

  it("draws bars inside the plot, taller for larger counts, none for missing years", () => {
    const [zero, high, missing] = layout.bars;
    expect(zero?.height).toBe(0);
    expect(high?.height).toBeGreaterThan(0);
    expect(missing?.height).toBe(0);
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.right);
      expect(bar.y).toBeGreaterThanOrEqual(layout.plot.top);
    }
  });

  it("puts a summit inside its year's band, and ticks from zero to the rounded maximum", () => {
    const band = (layout.plot.right - layout.plot.left) / 3;
    const x = layout.summits[0]?.x ?? 0;
    expect(x).toBeGreaterThan(layout.plot.left + band);
    expect(x).toBeLessThan(layout.plot.left + 2 * band);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 20, 40]);
    expect(layout.ticks[0]?.y).toBe(CHART_BOX.height - CHART_BOX.bottom);
  });
});

describe("key moments geometry", () => {
  it("keeps labels apart and in order, and every year on the axis", () => {
    const layout = layoutKeyMoments([
      { timelineId: "a", label: "A", date: "2017-08-08" },
      { timelineId: "b", label: "B", date: "2017-08-09" },
      { timelineId: "c", label: "C", date: "2019-02" },
    ]);
    const [a, b, c] = layout.moments;
    expect(b!.labelY - a!.labelY).toBeGreaterThanOrEqual(19);
    expect(c!.labelY).toBeGreaterThan(b!.labelY);
    expect(layout.years.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020]);
    expect(layout.height).toBeGreaterThan(c!.labelY);
  });
});

describe("map projection", () => {
  it("fits every place inside the drawing, north above south and west left of east", () => {
    const places = bundle.pictures.meetingPlaces;
    const map = projectMap(places);
    expect(map.landPath.length).toBeGreaterThan(100);
    for (const place of places) {
      const { x, y } = map.project(place);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(360);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(map.height);
    }
    const at = (id: string) => map.project(places.find((p) => p.id === id)!);
    expect(at("vostochny").y).toBeLessThan(at("singapore").y);
    expect(at("hanoi").x).toBeLessThan(at("vladivostok").x);
  });
});

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_AS_OF, getCurrency } from "@/lib/content";
import { contentCurrency, CURRENCY_LIMIT_DAYS, newestFactDate } from "@/lib/content/currency";
import { loadContent, type ContentBundle } from "@/lib/content/load";

/** The currency notice: which date the site is current to, and the 90-day boundary. */

let bundle: ContentBundle;
beforeAll(() => {
  bundle = loadContent(path.join(process.cwd(), "content"));
});

describe("newestFactDate", () => {
  it("takes the latest date, an event's end date counting", () => {
    expect(newestFactDate([{ date: "2026-02-19", endDate: "2026-02-25" }, { date: "2026-02-20" }])).toBe("2026-02-25");
  });

  it("puts a later month after the days of an earlier one", () => {
    expect(newestFactDate([{ date: "2026-05-26" }, { date: "2026-06" }])).toBe("2026-06");
    expect(newestFactDate([{ date: "2026-05" }, { date: "2026-05-02" }])).toBe("2026-05-02");
  });

  it("refuses an empty timeline", () => {
    expect(() => newestFactDate([])).toThrow(/no events/);
  });
});

describe("contentCurrency", () => {
  it(`is stale only after more than ${CURRENCY_LIMIT_DAYS} days`, () => {
    expect(CURRENCY_LIMIT_DAYS).toBe(90);
    // 26 May + 90 days = 24 August.
    expect(contentCurrency("2026-05-26", new Date("2026-08-24T23:59:59Z"))).toEqual({
      currentTo: "2026-05-26",
      daysOld: 90,
      stale: false,
    });
    expect(contentCurrency("2026-05-26", new Date("2026-08-25T00:00:00Z"))).toEqual({
      currentTo: "2026-05-26",
      daysOld: 91,
      stale: true,
    });
  });

  it("counts whole UTC days, whatever the time of day", () => {
    expect(contentCurrency("2026-05-26", new Date("2026-05-26T00:00:00Z")).daysOld).toBe(0);
    expect(contentCurrency("2026-05-26", new Date("2026-05-26T23:59:59Z")).daysOld).toBe(0);
    expect(contentCurrency("2026-05-26", new Date("2026-05-27T00:00:00Z")).daysOld).toBe(1);
  });

  it("counts a month-only date from its first day", () => {
    expect(contentCurrency("2026-05", new Date("2026-05-31T12:00:00Z")).daysOld).toBe(30);
  });

  it("is not stale before the fact (a build with a date ahead of the clock)", () => {
    expect(contentCurrency("2026-05-26", new Date("2026-05-01T00:00:00Z")).stale).toBe(false);
  });
});

describe("the site's currency", () => {
  it("is the newest timeline date, which the site's stated date matches", () => {
    expect(newestFactDate(bundle.timeline)).toBe(CONTENT_AS_OF);
    expect(getCurrency(new Date("2026-08-24T12:00:00Z"))).toMatchObject({ currentTo: CONTENT_AS_OF, stale: false });
    expect(getCurrency(new Date("2026-08-25T12:00:00Z"))).toMatchObject({ currentTo: CONTENT_AS_OF, stale: true });
  });

  it("is not overtaken by a later date elsewhere in the content", () => {
    const newest = newestFactDate(bundle.timeline);
    expect(bundle.whereThingsStand.asOf <= newest).toBe(true);
    for (const source of bundle.sources) expect(source.published <= newest, source.id).toBe(true);
  });
});

// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as classroomImage } from "@/app/og/classroom/[code]/route";
import { GET as explainerImage } from "@/app/og/explainer/[slug]/route";
import { GET as pageImage } from "@/app/og/page/[name]/route";
import { GET as resultImage } from "@/app/og/result/[shareId]/route";
import { getExplainers } from "@/lib/content";
import { JOIN_CODE_ALPHABET, JOIN_CODE_PATTERN, normalizeJoinCode } from "@/lib/classroom/code";
import { PAGE_IMAGE_NAMES } from "@/lib/share/images";
import type { Store } from "@/lib/store";
import { seedQuiz } from "../support/app-seed";
import { openAppStore } from "../support/app-store";
import { idParam, stringOf, type Maybe } from "../support/fuzz-values";
import { fuzzReads, FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";

/**
 * The share images and the health check under ≥ 1,000 malformed requests
 * each. Drawing a real image takes about a second, so real ids are rare
 * here (1 in 500); the point is every wrong one. The explainer and page
 * images are prerendered (`dynamicParams = false`): Next answers an unknown
 * name with its 404 page before the handler runs, and the handler's own
 * `notFound()` does the same when called directly.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
let store: Store;
let shareId: string;

beforeAll(async () => {
  app = await openAppStore("fuzz-share");
  store = app.store;
  ({ shareId } = await seedQuiz());
});
afterAll(async () => app?.close());

const RARE: [number, number] = [1, 499];

const isImage = (response: Response) => {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
};

/** Next's not-found for a prerendered route: a 404 with nothing of ours in it. */
const nextNotFound = async (response: Response) => {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("");
};

/** A name from a fixed list, or one near it. */
const nameParam = (names: readonly string[]): fc.Arbitrary<Maybe<string>> => fc.oneof(...names.map((name) => idParam(name, name.length, RARE)));

describe("share images and health under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it("GET /og/result/[shareId]", async () => {
    await fuzzReads(store, {
      page: "/og/result/[shareId]/route",
      handler: resultImage,
      secrets: [app.dataDir],
      route: {
        url: ({ shareId: id }) => `/og/result/${encodeURIComponent(id)}`,
        params: idParam(shareId, 16, RARE).map((id) => ({ value: { shareId: id.value }, valid: id.valid })),
      },
      expectAnswer: isImage,
    });
  });

  it("GET /og/classroom/[code]", async () => {
    // Codes near a real one that are not one (each real one is drawn, which takes a second)…
    const near = fc
      .oneof(
        stringOf(fc.constantFrom(...JOIN_CODE_ALPHABET, "0", "O", "1", "I", "-", " ", "a", "é"), 0, 12),
        fc.string({ maxLength: 40 }),
        fc.constantFrom("", "../../etc/passwd", "%00", "ABCD-EFGH-", "x".repeat(5000)),
      )
      .filter((code) => !JOIN_CODE_PATTERN.test(normalizeJoinCode(code)));
    // …and, rarely, real ones as typed.
    const real = fc.constantFrom("K7QF3MZP", "k7qf-3mzp", " K7QF 3MZP ");
    await fuzzReads(store, {
      page: "/og/classroom/[code]/route",
      handler: classroomImage,
      secrets: [app.dataDir],
      route: {
        url: ({ code }) => `/og/classroom/${encodeURIComponent(code)}`,
        params: fc
          .oneof({ arbitrary: real, weight: RARE[0] }, { arbitrary: near, weight: RARE[1] })
          .map((code) => ({ value: { code }, valid: JOIN_CODE_PATTERN.test(normalizeJoinCode(code)) })),
      },
      expectAnswer: isImage,
    });
  });

  it("GET /og/explainer/[slug]", async () => {
    await fuzzReads(store, {
      page: "/og/explainer/[slug]/route",
      handler: explainerImage,
      route: {
        url: ({ slug }) => `/og/explainer/${encodeURIComponent(slug)}`,
        params: nameParam(getExplainers().map(({ slug }) => slug)).map((slug) => ({ value: { slug: slug.value }, valid: slug.valid })),
      },
      expectAnswer: isImage,
      expectRefused: nextNotFound,
    });
  });

  it("GET /og/page/[name]", async () => {
    await fuzzReads(store, {
      page: "/og/page/[name]/route",
      handler: pageImage,
      route: {
        url: ({ name }) => `/og/page/${encodeURIComponent(name)}`,
        params: nameParam(PAGE_IMAGE_NAMES).map((name) => ({ value: { name: name.value }, valid: name.valid })),
      },
      expectAnswer: isImage,
      expectRefused: nextNotFound,
    });
  });

  it("GET /api/health", async () => {
    await fuzzReads(store, {
      page: "/api/health/route",
      handler: health,
      secrets: [app.dataDir],
      route: { url: () => "/api/health", params: fc.constant({ value: {}, valid: true }) },
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(await response.clone().json()).toEqual({ store: "embedded", reachable: true });
      },
    });
  });
});

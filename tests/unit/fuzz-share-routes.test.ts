// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as classroomImage } from "@/app/og/classroom/[code]/route";
import { GET as explainerImage } from "@/app/og/explainer/[slug]/route";
import { GET as pageImage } from "@/app/og/page/[name]/route";
import { GET as resultImage } from "@/app/og/result/[shareId]/route";
import { getExplainers } from "@/lib/content";
import { JOIN_CODE_ALPHABET, normalizeJoinCode } from "@/lib/classroom/code";
import { PAGE_IMAGE_NAMES } from "@/lib/share/images";
import type { Store } from "@/lib/store";
import { seedQuiz, seedSession } from "../support/app-seed";
import { openAppStore } from "../support/app-store";
import { idParam, NO_PARAMS, paramsOf, stringOf } from "../support/fuzz-values";
import { FUZZ_TIMEOUT_MS } from "../support/fuzz-runner";
import { fuzzEach, reads } from "../support/fuzz-table";

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
let joinCode: string;

beforeAll(async () => {
  app = await openAppStore("fuzz-share");
  store = app.store;
  ({ shareId } = await seedQuiz());
  ({ code: joinCode } = await seedSession({ mode: "homework", players: 0 }));
});
afterAll(async () => app?.close());

const RARE: [number, number] = [1, 499];

const isImage = (response: Response) => {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
};

/**
 * An invite image for a code that exists, unless the client that asked has
 * already used up its wrong-code allowance on the made-up codes around it
 * (many fuzzed addresses count as the one "unknown" client).
 */
const isInviteImage = async (response: Response) => {
  if (response.status === 429) expect(((await response.clone().json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  else isImage(response);
};

/** Next's not-found for a prerendered route: a 404 with nothing of ours in it. */
const nextNotFound = async (response: Response) => {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("");
};

/** A name from a fixed list, or one near it. */
const nameParam = <K extends string>(key: K, names: readonly string[]) => fc.oneof(...names.map((name) => paramsOf(key, idParam(name, name.length, RARE))));

/**
 * Join codes near the seeded session's that are not one (each real one is
 * drawn, which takes a second; a made-up code of the right shape is looked
 * up and refused), and rarely the real one as a person might type it.
 */
function codeParam(code: string) {
  const near = fc
    .oneof(
      stringOf(fc.constantFrom(...JOIN_CODE_ALPHABET, "0", "O", "1", "I", "-", " ", "a", "é"), 0, 12),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("", "../../etc/passwd", "%00", "ABCD-EFGH-", "x".repeat(5000), "K7QF3MZP"),
    )
    .filter((typed) => normalizeJoinCode(typed) !== code);
  const real = fc.constantFrom(code, code.toLowerCase(), ` ${code.slice(0, 4)}-${code.slice(4)} `);
  return fc
    .oneof({ arbitrary: real, weight: RARE[0] }, { arbitrary: near, weight: RARE[1] })
    .map((typed) => ({ value: { code: typed }, valid: normalizeJoinCode(typed) === code }));
}

describe("share images and health under malformed requests", { timeout: FUZZ_TIMEOUT_MS }, () => {
  fuzzEach(() => ({ store, secrets: [app.dataDir] }), {
    "GET /og/result/[shareId]": () => reads({ handler: resultImage, params: paramsOf("shareId", idParam(shareId, 16, RARE)), expectAnswer: isImage }),
    "GET /og/classroom/[code]": () => reads({ handler: classroomImage, params: codeParam(joinCode), expectAnswer: isInviteImage }),
    "GET /og/explainer/[slug]": () =>
      reads({ handler: explainerImage, params: nameParam("slug", getExplainers().map(({ slug }) => slug)), expectAnswer: isImage, expectRefused: nextNotFound }),
    "GET /og/page/[name]": () => reads({ handler: pageImage, params: nameParam("name", PAGE_IMAGE_NAMES), expectAnswer: isImage, expectRefused: nextNotFound }),
    "GET /api/health": () =>
      reads({
        handler: health,
        params: NO_PARAMS,
        expectAnswer: async (response) => {
          expect(response.status).toBe(200);
          expect(await response.clone().json()).toEqual({ store: "embedded", reachable: true });
        },
      }),
  });
});

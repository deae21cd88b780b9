import fc from "fast-check";
import { expect } from "vitest";
import { z } from "zod";
import { REFUSED_PARAM } from "@/lib/forms/refusal";
import type { Store } from "@/lib/store";
import { expectNoLeaks, expectRefusal } from "./fuzz-checks";
import { anyRead, faultyWrite, type FuzzRead, type ReadRoute, type WriteRoute } from "./fuzz-requests";
import { callRoute, type RouteHandler } from "./route-harness";
import { snapshotStore, storeChanges, type StoreSnapshot } from "./store-snapshot";

/**
 * The fuzz properties shared by every route test. Runs use fast-check's
 * random seed (printed with the counterexample when a run fails, to replay
 * it with `{ seed, path }`), so each `npm test` tries new requests.
 */

export const RUNS = 1_000;

/** A thousand requests take a few seconds; this is room for a machine busy with other work, not a target. */
export const FUZZ_TIMEOUT_MS = 120_000;

/**
 * Rate-limit counters (`rl:*`) are left out of "the store is unchanged": a
 * refused request may rightly be counted (wrong join codes count against
 * the client that typed them), and the counters hold hashes of the subject,
 * a number and a TTL of two windows (tests/contract/ttl-scan.test.ts checks
 * those). Everything else must be exactly as it was.
 */
export const isRateLimitKey = (key: string) => key.startsWith("rl:");

/** Watches the store across requests: `unchanged()` after a refusal, `accepted()` after a write that went through. */
export async function storeWatch(store: Store) {
  let last: StoreSnapshot = await snapshotStore(store, { ignore: isRateLimitKey });
  return {
    async unchanged(): Promise<void> {
      const now = await snapshotStore(store, { ignore: isRateLimitKey });
      const changes = storeChanges(last, now);
      last = now;
      expect(changes, "a refused request changed the store").toEqual([]);
    },
    async accepted(): Promise<void> {
      last = await snapshotStore(store, { ignore: isRateLimitKey });
    },
  };
}

export type StoreWatch = Awaited<ReturnType<typeof storeWatch>>;

/** A route handler and the page Next knows it by ("/api/health/route"). */
export interface RouteTarget<P> {
  page: string;
  handler: RouteHandler<P>;
}

/**
 * `RUNS` requests drawn from `requests`, each sent to the route: never a
 * 5xx, and whatever else `check` asks of the answer (`watch` follows the
 * store from one request to the next).
 */
export async function fuzzRoute<P, D extends { request: Request; params: P }>(
  store: Store,
  target: RouteTarget<P>,
  requests: fc.Arbitrary<D>,
  check: (response: Response, drawn: D, watch: StoreWatch) => Promise<void>,
): Promise<void> {
  const watch = await storeWatch(store);
  await fc.assert(
    fc.asyncProperty(requests, async (drawn) => {
      const response = await callRoute(target.page, target.handler, drawn.request, drawn.params);
      expect(response.status, "never a 5xx").toBeLessThan(500);
      await check(response, drawn, watch);
    }),
    { numRuns: RUNS },
  );
}

export interface WriteFuzz<P> extends RouteTarget<P> {
  route: WriteRoute<P>;
  /** The route's body schema: a body it accepts must be one the schema accepts. */
  schema: z.core.$ZodType;
  /** Whether the route sends a refused plain form post back to its form's page (it has `formErrorBack`). */
  htmlForForms: boolean;
  secrets?: readonly string[];
}

/** A plain form's refusal: 303 back to a page of this site, the code in its query (lib/forms/refusal.ts). */
const isFormRefusal = (response: Response) =>
  response.status === 303 && new URL(response.headers.get("location") ?? "/", "http://site.invalid").searchParams.has(REFUSED_PARAM);

/**
 * ≥ 1,000 faulty writes: never a 5xx; every refusal in the error shape with
 * the store untouched; a request with a certain fault always refused; and
 * anything accepted is a body the route's own schema accepts.
 */
export function fuzzWrites<P>(store: Store, fuzz: WriteFuzz<P>): Promise<void> {
  return fuzzRoute(store, fuzz, faultyWrite(fuzz.route), async (response, fuzzed, watch) => {
    if (response.status < 400 && !isFormRefusal(response)) {
      // Re-read first, so that a failure below does not leave later (shrinking) runs comparing against a stale store.
      await watch.accepted();
      expect(fuzzed.certain, `accepted a request with ${fuzzed.faults.join(", ")}`).toBe(false);
      expect(z.safeParse(fuzz.schema, fuzzed.parsed).success, "accepted a body its schema refuses").toBe(true);
      return;
    }
    await expectRefusal(response, { htmlForForms: fuzz.htmlForForms, form: fuzzed.format === "form", secrets: fuzz.secrets });
    await watch.unchanged();
  });
}

export interface ReadFuzz<P> extends RouteTarget<P> {
  route: ReadRoute<P>;
  secrets?: readonly string[];
  /** What a request with everything right gets (default: any 2xx). */
  expectAnswer?: (response: Response, read: FuzzRead<P>) => void | Promise<void>;
  /** What a wrong one gets (default: a 4xx in the JSON error shape). */
  expectRefused?: (response: Response) => void | Promise<void>;
}

/**
 * ≥ 1,000 reads with wrong ids, credentials and queries: never a 5xx, a
 * wrong one refused in the error shape, a right one answered, and the store
 * never changed (a read writes nothing).
 */
export function fuzzReads<P>(store: Store, fuzz: ReadFuzz<P>): Promise<void> {
  return fuzzRoute(store, fuzz, anyRead(fuzz.route), async (response, read, watch) => {
    if (read.valid) {
      if (fuzz.expectAnswer) await fuzz.expectAnswer(response, read);
      else expect(response.status).toBeLessThan(300);
      expectNoLeaks(await response.text(), fuzz.secrets);
    } else if (fuzz.expectRefused) {
      await fuzz.expectRefused(response);
    } else {
      await expectRefusal(response, { htmlForForms: false, form: false, secrets: fuzz.secrets });
    }
    await watch.unchanged();
  });
}

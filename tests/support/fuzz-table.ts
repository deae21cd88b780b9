import { it } from "vitest";
import type { Store } from "@/lib/store";
import type { ReadRoute, WriteRoute } from "./fuzz-requests";
import { fuzzReads, fuzzWrites, type ReadFuzz, type WriteFuzz } from "./fuzz-runner";

/**
 * The route fuzz tests as tables (tests/unit/fuzz-*.test.ts): a row a
 * route, named by its method and its path as the app's folders spell it
 * ("POST /api/quiz/attempts/[attemptId]/answers"), stating only what is its
 * own (handler, params, cookie, body, schema, what a right request gets).
 * The page and the URL follow from the path; the store and the secrets come
 * from the suite. Each row runs `fuzzWrites` or `fuzzReads` in full.
 */

/** What a suite's rows share, once its `beforeAll` has opened and seeded the store. */
export interface FuzzSuite {
  store: Store;
  /** Strings no answer may hold (credentials, the store's folder). */
  secrets: readonly string[];
}

/** One route's test, given the suite and the route's path. */
export type FuzzRow = (suite: FuzzSuite, path: string) => Promise<void>;

/** The URL of `path` for some params: each `[name]` segment is that param, encoded. */
export function urlFor<P>(path: string): (params: P) => string {
  return (params) =>
    path.replace(/\[(\w+)\]/g, (_, name: string) => {
      const value: unknown = Reflect.get(params as object, name);
      if (typeof value !== "string") throw new Error(`${path}: no param "${name}"`);
      return encodeURIComponent(value);
    });
}

export type WriteRow<P> = Omit<WriteRoute<P>, "url"> & Pick<WriteFuzz<P>, "handler" | "schema"> & Partial<Pick<WriteFuzz<P>, "htmlForForms">>;

/** A write route's row; its form errors are HTML pages unless `htmlForForms: false`. */
export const writes =
  <P>({ handler, schema, htmlForForms = true, ...route }: WriteRow<P>): FuzzRow =>
  ({ store, secrets }, path) =>
    fuzzWrites(store, { page: `${path}/route`, handler, schema, htmlForForms, secrets, route: { ...route, url: urlFor(path) } });

export type ReadRow<P> = Omit<ReadRoute<P>, "url"> & Pick<ReadFuzz<P>, "handler" | "expectAnswer" | "expectRefused">;

/** A read route's row. */
export const reads =
  <P>({ handler, expectAnswer, expectRefused, ...route }: ReadRow<P>): FuzzRow =>
  ({ store, secrets }, path) =>
    fuzzReads(store, { page: `${path}/route`, handler, expectAnswer, expectRefused, secrets, route: { ...route, url: urlFor(path) } });

/**
 * A test per row, named by the row's key ("GET /api/health"). Rows are
 * functions, built when their test runs: their params and bodies hold ids
 * the suite's `beforeAll` seeds.
 */
export function fuzzEach(suite: () => FuzzSuite, rows: Record<string, () => FuzzRow>): void {
  for (const [name, row] of Object.entries(rows)) {
    const path = /^(?:GET|POST) (\/\S*)$/.exec(name)?.[1];
    if (path === undefined) throw new Error(`a fuzz row is named "METHOD /path", not "${name}"`);
    it(name, () => row()(suite(), path));
  }
}

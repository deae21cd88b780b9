import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStore, op, type Guard, type Op, type Store } from "@/lib/store";

/**
 * The embedded store against real Redis, on random programs: every result and
 * every error message must match. Calls in a group are sent to the embedded
 * store together, so they share one batch (one transaction); Redis gets them
 * one by one, in the same order.
 */

const redisUrl = inject("redisUrl");

type Call = { ops: Op[]; guard?: Omit<Guard, "key"> & { key: number } };

const key = fc.integer({ min: 0, max: 2 });
const field = fc.constantFrom("f0", "f1", "f2");
const member = fc.constantFrom("m0", "m1", "m2");
const text = fc.constantFrom("1", "x", "-5", "007", "");
const int = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(1.5));
const score = fc.constantFrom(-1, 0, 0.5, 2, 0.1, Infinity, -Infinity);
const bound = fc.oneof(score, fc.constantFrom("-inf" as const, "+inf" as const));
const rank = fc.integer({ min: -4, max: 4 });
const reverse = fc.option(fc.record({ reverse: fc.boolean() }), { nil: undefined });

// Keys are numbers here and get the run's prefix later.
type KeyedOp = (k: (n: number) => string) => Op;

/** For fc.oneof: an op whose arguments are drawn as [key number, ...the rest], and how often to draw it. */
function keyed<A extends unknown[]>(
  weight: number,
  args: fc.Arbitrary<[number, ...A]>,
  make: (key: string, ...rest: A) => Op,
): fc.WeightedArbitrary<KeyedOp> {
  return { weight, arbitrary: args.map(([n, ...rest]): KeyedOp => (k) => make(k(n), ...rest)) };
}

// Weighted towards what changes a key's type or existence, where the embedded store's
// write-back bookkeeping is subtle.
const keyedOp: fc.Arbitrary<KeyedOp> = fc.oneof(
  keyed(1, fc.tuple(key), op.get),
  keyed(
    2,
    fc.tuple(key, text, fc.option(fc.constant(100), { nil: undefined }), fc.boolean()),
    (k, v, ttlSeconds, ifAbsent) => op.set(k, v, { ttlSeconds, ifAbsent }),
  ),
  keyed(3, fc.tuple(key), op.del),
  keyed(1, fc.tuple(key, int), op.incrby),
  keyed(2, fc.tuple(key, fc.constantFrom(0, 100)), op.expire),
  keyed(1, fc.tuple(key), op.ttl),
  keyed(3, fc.tuple(key, fc.dictionary(field, text, { minKeys: 1, maxKeys: 2 })), op.hset),
  keyed(1, fc.tuple(key, field), op.hget),
  keyed(1, fc.tuple(key), op.hgetall),
  keyed(2, fc.tuple(key, field, int), op.hincrby),
  keyed(3, fc.tuple(key, score, member), op.zadd),
  keyed(2, fc.tuple(key, score, member), op.zincrby),
  keyed(1, fc.tuple(key, member), op.zscore),
  keyed(1, fc.tuple(key), op.zcard),
  keyed(1, fc.tuple(key, bound, bound), op.zcount),
  keyed(1, fc.tuple(key, member, reverse), op.zrank),
  keyed(1, fc.tuple(key, rank, rank, reverse), op.zrange),
);

const guard = fc.record({
  key,
  expect: fc.constantFrom(null, "a", "b"),
  value: fc.constantFrom("a", "b"),
  ttlSeconds: fc.option(fc.constant(100), { nil: undefined }),
});

const call = fc.record({
  ops: fc.array(keyedOp, { minLength: 0, maxLength: 6 }),
  // Mostly plain exec: most random guards do not match, and then no op runs.
  guard: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: guard }),
});
const program = fc.array(fc.array(call, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

type Outcome = { ok: unknown } | { error: string };

/** Results as comparable values: a TTL is only "positive" (the clocks differ), errors by message. */
function normalize(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (v === Infinity ? "inf" : v === -Infinity ? "-inf" : v)));
}

async function outcome(run: () => Promise<unknown>, ttlAt: Set<number>): Promise<Outcome> {
  try {
    const value = await run();
    const results = (value as { results?: unknown[] }).results ?? value;
    if (Array.isArray(results)) for (const i of ttlAt) if ((results[i] as number) > 0) results[i] = "positive";
    return { ok: normalize(value) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Redis adds script details to errors raised inside EVAL; the first words are what matters.
    return { error: message.includes("WRONGTYPE") ? "WRONGTYPE" : message };
  }
}

describe.skipIf(!redisUrl)("embedded behaves like Redis on random programs", () => {
  let embedded: Store;
  let redis: Store;
  const dataDir = mkdtempSync(path.join(tmpdir(), "store-differential-"));

  beforeAll(async () => {
    embedded = await createStore({ kind: "embedded", dataDir }, { timeoutMs: 10_000 });
    redis = await createStore({ kind: "redis", url: redisUrl as string }, { timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await Promise.all([embedded?.close(), redis?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("same results and errors", async () => {
    await fc.assert(
      fc.asyncProperty(program, async (groups) => {
        const prefix = `diff:${randomUUID()}:`;
        const k = (n: number) => `${prefix}k${n}`;
        const send = (store: Store, c: { ops: KeyedOp[]; guard?: Call["guard"] }) => {
          const ops = c.ops.map((make) => make(k));
          const ttlAt = new Set(ops.flatMap((o, i) => (o.name === "ttl" ? [i] : [])));
          const run = c.guard
            ? () => store.execIf({ ...c.guard, key: k((c.guard as { key: number }).key) } as Guard, ops)
            : () => store.exec(ops);
          return outcome(run, ttlAt);
        };
        for (const group of groups) {
          const fromEmbedded = await Promise.all(group.map((c) => send(embedded, c)));
          const fromRedis: Outcome[] = [];
          for (const c of group) fromRedis.push(await send(redis, c));
          expect(fromEmbedded).toEqual(fromRedis);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  }, 120_000);
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { op, StoreOpError, type Store } from "@/lib/store";

/**
 * The behaviour every Store adapter must share — Redis semantics, checked
 * against the real backends. Each test works under its own key prefix, so
 * adapters sharing one Redis never see each other's keys.
 */

export type MakeStore = () => Promise<Store>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeStoreContract(name: string, makeStore: MakeStore | undefined, skipReason?: string): void {
  const title = makeStore ? `store contract: ${name}` : `store contract: ${name} (skipped: ${skipReason})`;

  describe.skipIf(!makeStore)(title, () => {
    let store: Store;
    let prefix = "";
    const key = (suffix: string) => `${prefix}${suffix}`;

    beforeAll(async () => {
      store = await (makeStore as MakeStore)();
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(() => {
      prefix = `contract:${name}:${randomUUID()}:`;
    });

    it("reports its kind and answers ping", async () => {
      expect(store.kind).toBe(name);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe("strings", () => {
      it("get, set, overwrite, del", async () => {
        const k = key("s");
        expect(await store.exec([op.get(k), op.set(k, "a"), op.get(k), op.set(k, "b"), op.get(k)])).toEqual([
          null,
          true,
          "a",
          true,
          "b",
        ]);
        expect(await store.exec([op.del(k), op.del(k), op.get(k)])).toEqual([1, 0, null]);
      });

      it("set ifAbsent writes only a missing key", async () => {
        const k = key("nx");
        const nx = { ifAbsent: true };
        expect(await store.exec([op.set(k, "first", nx), op.set(k, "second", nx), op.get(k)])).toEqual([
          true,
          false,
          "first",
        ]);
      });

      it("set with a TTL expires; set without one clears it", async () => {
        const k = key("ttl");
        const [, ttl] = await store.exec([op.set(k, "v", { ttlSeconds: 100 }), op.ttl(k)]);
        expect(ttl).toBeGreaterThanOrEqual(99);
        expect(ttl).toBeLessThanOrEqual(100);
        expect(await store.exec([op.set(k, "w"), op.ttl(k), op.ttl(key("missing"))])).toEqual([true, -1, -2]);
      });

      it("incrby counts from 0, keeps the TTL, and refuses non-integers", async () => {
        const k = key("n");
        expect(await store.exec([op.incrby(k, 5), op.incrby(k, -7), op.get(k)])).toEqual([5, -2, "-2"]);
        const [, , ttl] = await store.exec([op.expire(k, 100), op.incrby(k, 1), op.ttl(k)]);
        expect(ttl).toBeGreaterThan(90);

        const text = key("text");
        await store.exec([op.set(text, "abc"), op.set(key("padded"), "007")]);
        await expect(store.exec([op.incrby(text, 1)])).rejects.toThrow(/not an integer/);
        await expect(store.exec([op.incrby(key("padded"), 1)])).rejects.toThrow(/not an integer/);
        await expect(store.exec([op.incrby(k, 1.5)])).rejects.toThrow(/not an integer/);
        await store.exec([op.set(text, "9223372036854775807")]);
        await expect(store.exec([op.incrby(text, 1)])).rejects.toThrow(/overflow/);
      });

      it("expire sets a TTL on existing keys only, and 0 deletes", async () => {
        const k = key("e");
        expect(await store.exec([op.expire(k, 10), op.set(k, "v"), op.expire(k, 10), op.ttl(k)])).toEqual([
          false,
          true,
          true,
          10,
        ]);
        expect(await store.exec([op.expire(k, 0), op.get(k), op.ttl(k)])).toEqual([true, null, -2]);
      });

      it("set replaces a key of another type", async () => {
        const k = key("retype");
        await store.exec([op.hset(k, { f: "1" }), op.zadd(key("z"), 1, "m")]);
        expect(await store.exec([op.set(k, "now a string"), op.get(k)])).toEqual([true, "now a string"]);
        await expect(store.exec([op.hgetall(k)])).rejects.toThrow(/WRONGTYPE/);
      });
    });

    // A request can carry a string that is not valid text; storing and reading it back must not take the server down.
    it("stores lone UTF-16 surrogates as U+FFFD, as Redis does, in keys, values, fields and members", async () => {
      const lone = "a\uD800b\uDC00";
      const shown = "a\uFFFDb\uFFFD";
      const guard = { key: key(`g${lone}`), expect: null, value: lone };
      expect(await store.execIf(guard, [op.set(key(lone), lone)])).toEqual({ applied: true, results: [true] });
      await store.exec([op.hset(key("h"), { [lone]: lone }), op.zadd(key("z"), 1, lone)]);
      expect(
        await store.exec([
          op.get(key(shown)),
          op.get(key(`g${shown}`)),
          op.hgetall(key("h")),
          op.hget(key("h"), lone),
          op.zrange(key("z"), 0, -1),
          op.zscore(key("z"), lone),
        ]),
      ).toEqual([shown, shown, { [shown]: shown }, shown, [{ member: shown, score: 1 }], 1]);
      expect(await store.keys(key(""))).toEqual(expect.arrayContaining([key(shown), key(`g${shown}`)]));
    });

    describe("hashes", () => {
      it("hset counts new fields; hget, hgetall", async () => {
        const k = key("h");
        expect(
          await store.exec([
            op.hgetall(k),
            op.hset(k, { a: "1", b: "2" }),
            op.hset(k, { b: "3", c: "4" }),
            op.hget(k, "b"),
            op.hget(k, "zz"),
            op.hget(key("none"), "a"),
            op.hgetall(k),
          ]),
        ).toEqual([{}, 2, 1, "3", null, null, { a: "1", b: "3", c: "4" }]);
      });

      it("hincrby counts from 0, refuses non-integer fields, keeps the TTL", async () => {
        const k = key("hi");
        expect(await store.exec([op.hincrby(k, "n", 2), op.hincrby(k, "n", 3), op.hset(k, { t: "x" })])).toEqual([
          2, 5, 1,
        ]);
        await expect(store.exec([op.hincrby(k, "t", 1)])).rejects.toThrow(/hash value is not an integer/);
        const [, , ttl] = await store.exec([op.expire(k, 50), op.hset(k, { u: "y" }), op.ttl(k)]);
        expect(ttl).toBeGreaterThan(40);
      });

      it("refuses an empty hset before running anything", async () => {
        const k = key("empty");
        const failure = await store.exec([op.set(k, "x"), op.hset(key("h"), {})]).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(StoreOpError);
        expect(failure).toMatchObject({ index: 1, op: "hset" });
        expect(await store.exec([op.get(k)])).toEqual([null]);
      });
    });

    describe("sorted sets", () => {
      /** One ZADD per [score, member] pair, in order. */
      const zadds = (k: string, ...pairs: [score: number, member: string][]) =>
        pairs.map(([score, member]) => op.zadd(k, score, member));

      it("zadd, zincrby, zscore, zcard", async () => {
        const k = key("z");
        expect(
          await store.exec([
            op.zadd(k, 1, "a"),
            op.zadd(k, 2, "a"),
            op.zadd(k, 0.5, "b"),
            op.zincrby(k, 1.25, "b"),
            op.zincrby(k, 0.1, "c"),
            op.zincrby(k, 0.2, "c"),
            op.zscore(k, "a"),
            op.zscore(k, "nobody"),
            op.zscore(key("none"), "a"),
            op.zcard(k),
            op.zcard(key("none")),
          ]),
        ).toEqual([1, 0, 1, 1.75, 0.1, 0.1 + 0.2, 2, null, null, 3, 0]);
      });

      it("keeps infinite scores", async () => {
        const k = key("inf");
        expect(
          await store.exec([op.zadd(k, Infinity, "top"), op.zadd(k, -Infinity, "bottom"), op.zscore(k, "top")]),
        ).toEqual([1, 1, Infinity]);
        expect(await store.exec([op.zrange(k, 0, -1)])).toEqual([
          [
            { member: "bottom", score: -Infinity },
            { member: "top", score: Infinity },
          ],
        ]);
      });

      it("zcount is inclusive, with open ends", async () => {
        const k = key("zc");
        await store.exec(zadds(k, [1, "a"], [2, "b"], [3, "c"]));
        expect(
          await store.exec([
            op.zcount(k, 1, 2),
            op.zcount(k, "-inf", "+inf"),
            op.zcount(k, 2, "+inf"),
            op.zcount(k, 3, 1),
            op.zcount(key("none"), "-inf", "+inf"),
          ]),
        ).toEqual([2, 3, 2, 0, 0]);
      });

      it("zrank and zrange order ties by member, bytewise", async () => {
        const k = key("rank");
        await store.exec(zadds(k, [5, "m"], [5, "B"], [5, "a"], [1, "z"], [9, "c"]));
        // Ascending: z(1) B(5) a(5) m(5) c(9) — "B" < "a" bytewise.
        expect(
          await store.exec([
            op.zrank(k, "z"),
            op.zrank(k, "B"),
            op.zrank(k, "a"),
            op.zrank(k, "m"),
            op.zrank(k, "c"),
            op.zrank(k, "c", { reverse: true }),
            op.zrank(k, "m", { reverse: true }),
            op.zrank(k, "B", { reverse: true }),
            op.zrank(k, "nobody"),
            op.zrank(key("none"), "a"),
          ]),
        ).toEqual([0, 1, 2, 3, 4, 0, 1, 3, null, null]);

        const names = (entries: Array<{ member: string }>) => entries.map((entry) => entry.member);
        const [all, reversed, lastTwo, middle, past, empty, none] = await store.exec([
          op.zrange(k, 0, -1),
          op.zrange(k, 0, -1, { reverse: true }),
          op.zrange(k, -2, -1),
          op.zrange(k, 1, 2),
          op.zrange(k, 10, 20),
          op.zrange(k, 3, 1),
          op.zrange(key("none"), 0, -1),
        ]);
        expect(all[0]).toEqual({ member: "z", score: 1 });
        expect(names(all)).toEqual(["z", "B", "a", "m", "c"]);
        expect(names(reversed)).toEqual(["c", "m", "a", "B", "z"]);
        expect(names(lastTwo)).toEqual(["m", "c"]);
        expect(names(middle)).toEqual(["B", "a"]);
        expect([past, empty, none]).toEqual([[], [], []]);
        expect(names((await store.exec([op.zrange(k, -100, 1, { reverse: true })]))[0])).toEqual(["c", "m"]);
      });

      it("zadd keeps the TTL and refuses NaN", async () => {
        const k = key("zt");
        const [, , , ttl] = await store.exec([op.zadd(k, 1, "a"), op.expire(k, 60), op.zadd(k, 2, "b"), op.ttl(k)]);
        expect(ttl).toBeGreaterThan(50);
        await expect(store.exec([op.zadd(k, NaN, "c")])).rejects.toThrow(/not a valid float/);
      });
    });

    describe("deleting and recreating a key in one exec", () => {
      it("starts the new key empty", async () => {
        const [h, z, s] = [key("h"), key("z"), key("s")];
        await store.exec([op.hset(h, { a: "1", b: "2" }), op.zadd(z, 1, "m"), op.hset(s, { f: "1" })]);
        expect(
          await store.exec([
            op.del(h),
            op.hset(h, { a: "x" }),
            op.hget(h, "b"),
            op.hgetall(h),
            op.expire(z, 0),
            op.zadd(z, 2, "n"),
            op.zscore(z, "m"),
            op.zrange(z, 0, -1),
            op.set(s, "string now"),
            op.del(s),
            op.hincrby(s, "f", 5),
          ]),
        ).toEqual([1, 1, null, { a: "x" }, true, 1, null, [{ member: "n", score: 2 }], true, 1, 5]);
        expect(await store.exec([op.hgetall(h), op.zcard(z), op.hgetall(s)])).toEqual([{ a: "x" }, 1, { f: "5" }]);
      });
    });

    describe("types", () => {
      it("refuses an op on a key of the wrong type with WRONGTYPE", async () => {
        const [s, h, z] = [key("s"), key("h"), key("z")];
        await store.exec([op.set(s, "x"), op.hset(h, { f: "1" }), op.zadd(z, 1, "m")]);
        for (const wrong of [
          op.get(h),
          op.incrby(h, 1),
          op.hset(s, { f: "v" }),
          op.hget(z, "f"),
          op.hgetall(s),
          op.hincrby(z, "f", 1),
          op.zadd(h, 1, "m"),
          op.zincrby(s, 1, "m"),
          op.zscore(h, "m"),
          op.zcard(s),
          op.zrange(h, 0, -1),
          op.zrank(s, "m"),
        ]) {
          await expect(store.exec([wrong]), wrong.name).rejects.toThrow(/WRONGTYPE/);
        }
        // Type-agnostic ops still work.
        expect(await store.exec([op.ttl(h), op.expire(z, 100), op.del(s)])).toEqual([-1, true, 1]);
      });
    });

    describe("exec", () => {
      it("runs nothing for no ops", async () => {
        expect(await store.exec([])).toEqual([]);
      });

      it("a refused op rejects the exec but, as in Redis MULTI, the other ops stay applied", async () => {
        const [a, hash, c] = [key("a"), key("hash"), key("c")];
        await store.exec([op.hset(hash, { f: "1" })]);
        const failure = await store
          .exec([op.set(a, "1"), op.incrby(hash, 1), op.set(c, "3")])
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(StoreOpError);
        expect(failure).toMatchObject({ index: 1, op: "incrby" });
        expect((failure as StoreOpError).message).toMatch(/WRONGTYPE/);
        expect(await store.exec([op.get(a), op.get(c)])).toEqual(["1", "3"]);
      });

      it("transactions never interleave, even from several instances", async () => {
        const counter = key("counter");
        const others = await Promise.all([makeStore, makeStore].map((make) => (make as MakeStore)()));
        try {
          const stores = [store, ...others];
          const results = await Promise.all(
            Array.from({ length: 300 }, (_, i) =>
              (stores[i % stores.length] as Store).exec([
                op.incrby(counter, 1),
                op.set(key("last"), String(i)),
                op.incrby(counter, 1),
              ]),
            ),
          );
          for (const [first, , second] of results) expect(second).toBe(first + 1);
          expect(results.map(([first]) => first).sort((x, y) => x - y)).toEqual(
            Array.from({ length: 300 }, (_, i) => 2 * i + 1),
          );
        } finally {
          await Promise.all(others.map((other) => other.close()));
        }
      });
    });

    describe("execIf", () => {
      it("expect null: applies once, then reports the current value and runs nothing", async () => {
        const [guard, counter] = [key("guard"), key("count")];
        const first = await store.execIf({ key: guard, expect: null, value: "v1", ttlSeconds: 60 }, [
          op.incrby(counter, 1),
          op.get(guard),
        ]);
        expect(first).toEqual({ applied: true, results: [1, "v1"] });
        const again = await store.execIf({ key: guard, expect: null, value: "v2", ttlSeconds: 60 }, [
          op.incrby(counter, 1),
        ]);
        expect(again).toEqual({ applied: false, current: "v1" });
        const [count, ttl] = await store.exec([op.get(counter), op.ttl(guard)]);
        expect(count).toBe("1");
        expect(ttl).toBeGreaterThan(50);
      });

      it("expect a value: compare-and-set that keeps the TTL unless given one", async () => {
        const slot = key("slot");
        await store.exec([op.set(slot, "pending", { ttlSeconds: 100 })]);
        expect(await store.execIf({ key: slot, expect: "pending", value: "B" }, [op.ttl(slot)])).toMatchObject({
          applied: true,
        });
        const [value, ttl] = await store.exec([op.get(slot), op.ttl(slot)]);
        expect(value).toBe("B");
        expect(ttl).toBeGreaterThan(90);

        expect(await store.execIf({ key: slot, expect: "pending", value: "C" }, [])).toEqual({
          applied: false,
          current: "B",
        });
        expect(await store.execIf({ key: key("missing"), expect: "pending", value: "C" }, [])).toEqual({
          applied: false,
          current: null,
        });
        await store.execIf({ key: slot, expect: "B", value: "D", ttlSeconds: 20 }, []);
        expect(await store.exec([op.get(slot), op.ttl(slot)])).toEqual(["D", 20]);
      });

      it("expect null without a TTL sets a key that does not expire", async () => {
        const guard = key("forever");
        await store.execIf({ key: guard, expect: null, value: "x" }, []);
        expect(await store.exec([op.ttl(guard)])).toEqual([-1]);
      });

      it("a refused op rejects; the guard and the other ops stay applied", async () => {
        const [guard, hash, after] = [key("g"), key("h"), key("after")];
        await store.exec([op.hset(hash, { f: "1" })]);
        const failure = await store
          .execIf({ key: guard, expect: null, value: "v", ttlSeconds: 60 }, [op.get(hash), op.set(after, "yes")])
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(StoreOpError);
        expect(failure).toMatchObject({ index: 0, op: "get" });
        expect(await store.exec([op.get(guard), op.get(after)])).toEqual(["v", "yes"]);
      });

      it("a guard key of another type is refused", async () => {
        const guard = key("hashguard");
        await store.exec([op.hset(guard, { f: "1" })]);
        await expect(store.execIf({ key: guard, expect: null, value: "v" }, [])).rejects.toThrow(/WRONGTYPE/);
      });

      it("exactly one of many concurrent claims wins", async () => {
        const guard = key("claim");
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.execIf({ key: guard, expect: null, value: `claimant-${i}`, ttlSeconds: 60 }, [
              op.incrby(key("winners"), 1),
            ]),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(1);
        expect(await store.exec([op.get(key("winners"))])).toEqual(["1"]);
      });
    });

    describe("execIf with rate limits", () => {
      const limit = (name: string, max: number, overlap = 0) => ({
        key: key(`${name}:now`),
        previousKey: key(`${name}:before`),
        limit: max,
        overlap,
        ttlSeconds: 120,
      });

      it("counts each request, weighs the previous window, and over the limit applies nothing", async () => {
        const rule = limit("rl", 3, 0.5);
        await store.exec([op.set(rule.previousKey, "2", { ttlSeconds: 120 })]);
        const claim = (i: number) =>
          store.execIf({ key: key(`g${i}`), expect: null, value: "v", ttlSeconds: 60, limits: [rule] }, [op.incrby(key("work"), 1)]);
        // Estimates 1 + 2 × 0.5 = 2, then 3: allowed; then 4: over.
        expect(await claim(1)).toEqual({ applied: true, results: [1] });
        expect(await claim(2)).toEqual({ applied: true, results: [2] });
        expect(await claim(3)).toEqual({ applied: false, current: null, refusedBy: 0 });
        const [guard, work, count, ttl] = await store.exec([op.get(key("g3")), op.get(key("work")), op.get(rule.key), op.ttl(rule.key)]);
        expect([guard, work, count]).toEqual([null, "2", "3"]);
        expect(ttl).toBeGreaterThan(100);
      });

      it("reports which limit refused, and counts the request against all of them", async () => {
        const [wide, narrow] = [limit("wide", 100), limit("narrow", 1)];
        const guard = { key: key("slot"), expect: "pending", value: "answered", limits: [wide, narrow] };
        await store.exec([op.set(key("slot"), "pending", { ttlSeconds: 60 }), op.set(narrow.key, "1", { ttlSeconds: 60 })]);
        expect(await store.execIf(guard, [op.incrby(key("work"), 1)])).toEqual({ applied: false, current: "pending", refusedBy: 1 });
        expect(await store.exec([op.get(wide.key), op.get(narrow.key), op.get(key("slot")), op.get(key("work"))])).toEqual([
          "1",
          "2",
          "pending",
          null,
        ]);
      });

      it("within the limit, a failed compare-and-set still reports the current value", async () => {
        await store.exec([op.set(key("slot"), "taken")]);
        const outcome = await store.execIf({ key: key("slot"), expect: null, value: "v", limits: [limit("rl", 5)] }, []);
        expect(outcome).toEqual({ applied: false, current: "taken" });
      });

      it("of N concurrent requests against a limit L, exactly L are applied", async () => {
        const rule = limit("burst", 10);
        const outcomes = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.execIf({ key: key(`claim-${i}`), expect: null, value: "v", ttlSeconds: 60, limits: [rule] }, [
              op.incrby(key("applied"), 1),
            ]),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(10);
        expect(outcomes.filter((outcome) => !outcome.applied && outcome.refusedBy === 0)).toHaveLength(30);
        expect(await store.exec([op.get(key("applied")), op.get(rule.key)])).toEqual(["10", "40"]);
      });
    });

    describe("keys", () => {
      it("lists the live keys under a prefix, glob characters included", async () => {
        const glob = key("a*[b]?:");
        await store.exec([
          op.set(key("one"), "1"),
          op.hset(key("two"), { f: "v" }),
          op.zadd(key("three"), 1, "m"),
          op.set(`${glob}x`, "1"),
          op.set(key("a-[b]-:x"), "not matched by the glob prefix"),
        ]);
        expect(await store.keys(key("t"))).toEqual([key("three"), key("two")]);
        expect(await store.keys(glob)).toEqual([`${glob}x`]);
        expect(await store.keys(prefix)).toHaveLength(5);
      });
    });

    it("expired keys behave as missing everywhere (1 s TTLs)", async () => {
      const [s, h, z, n, guard, kept] = ["s", "h", "z", "n", "guard", "kept"].map(key) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      await store.exec([
        op.set(s, "v", { ttlSeconds: 1 }),
        op.hset(h, { old: "1" }),
        op.expire(h, 1),
        op.zadd(z, 1, "m"),
        op.expire(z, 1),
        op.set(n, "41", { ttlSeconds: 1 }),
        op.set(kept, "stays"),
      ]);
      await store.execIf({ key: guard, expect: null, value: "first", ttlSeconds: 1 }, []);
      await sleep(1_150);

      expect(
        await store.exec([
          op.get(s),
          op.ttl(s),
          op.hgetall(h),
          op.zscore(z, "m"),
          op.zcard(z),
          op.zrange(z, 0, -1),
          op.del(s),
          op.expire(h, 10),
        ]),
      ).toEqual([null, -2, {}, null, 0, [], 0, false]);
      expect(await store.keys(prefix)).toEqual([kept]);
      // Recreated keys start empty: no stale fields, members or TTL.
      expect(
        await store.exec([
          op.incrby(n, 1),
          op.hincrby(h, "new", 1),
          op.hgetall(h),
          op.zadd(z, 2, "other"),
          op.zcard(z),
          op.set(s, "again", { ifAbsent: true }),
          op.ttl(s),
        ]),
      ).toEqual([1, 1, { new: "1" }, 1, 1, true, -1]);
      expect(await store.execIf({ key: guard, expect: null, value: "second" }, [])).toEqual({
        applied: true,
        results: [],
      });
    });

    describe("concurrency from several instances on one backend", () => {
      let stores: Store[] = [];
      beforeAll(async () => {
        stores = await Promise.all(Array.from({ length: 3 }, () => (makeStore as MakeStore)()));
      });
      afterAll(async () => {
        await Promise.all(stores.map((other) => other.close()));
      });
      const pick = (i: number) => stores[i % stores.length] as Store;

      it("1,000 concurrent increments add up exactly", async () => {
        const counter = key("counter");
        const results = await Promise.all(
          Array.from({ length: 1_000 }, (_, i) => pick(i).exec([op.incrby(counter, 1), op.hincrby(key("h"), "n", 1)])),
        );
        expect(new Set(results.map(([value]) => value)).size).toBe(1_000);
        expect(await store.exec([op.get(counter), op.hget(key("h"), "n")])).toEqual(["1000", "1000"]);
      });

      it("1,000 concurrent sorted-set updates add up exactly", async () => {
        const board = key("board");
        await Promise.all(
          Array.from({ length: 1_000 }, (_, i) => pick(i).exec([op.zincrby(board, 1, `member-${i % 10}`)])),
        );
        const [size, top] = await store.exec([op.zcard(board), op.zrange(board, 0, -1)]);
        expect(size).toBe(10);
        expect(top.map((entry) => entry.score)).toEqual(Array.from({ length: 10 }, () => 100));
      });
    });
  });
}

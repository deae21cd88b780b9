import { jsonColumns, sqlScore, type KeyType, type Prefetch, type Row, type Tx } from "./embedded-tx";
import type { Guard, GuardLimit, Op, OpName, OpSpec, ScoreBound } from "./types";

/**
 * Redis semantics for each op, on a transaction's working set (embedded-tx).
 * Error messages are Redis's own, so callers see the same text whichever
 * backend runs.
 */

/** A command refused the way Redis would refuse it. */
export class CommandError extends Error {
  override name = "CommandError";
}

const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
const NOT_INTEGER = "ERR value is not an integer or out of range";
const NOT_FLOAT = "ERR value is not a valid float";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// Redis's string2ll: no sign on zero, no leading zeros, no spaces, at most 19 digits.
const INT64_TEXT = /^(0|-?[1-9][0-9]{0,18})$/;

function integerArg(value: number): number {
  if (!Number.isInteger(value)) throw new CommandError(NOT_INTEGER);
  return value;
}

/** `current` + `by` as int64 text; `by` was checked first, as Redis parses arguments before reading the key. */
function increment(current: string | null | undefined, by: number, notIntegerMessage: string): string {
  if (current != null && !INT64_TEXT.test(current)) throw new CommandError(notIntegerMessage);
  const base = current == null ? 0n : BigInt(current);
  if (base < INT64_MIN || base > INT64_MAX) throw new CommandError(notIntegerMessage);
  const next = base + BigInt(by);
  if (next < INT64_MIN || next > INT64_MAX) throw new CommandError("ERR increment or decrement would overflow");
  return String(next);
}

function scoreArg(value: number): number {
  if (Number.isNaN(value)) throw new CommandError(NOT_FLOAT);
  return value;
}

function boundArg(value: ScoreBound): number {
  if (value === "-inf") return -Infinity;
  if (value === "+inf") return Infinity;
  if (Number.isNaN(value)) throw new CommandError("ERR min or max is not a float");
  return value;
}

/** The live row of `key`, or null; WRONGTYPE when it holds another type. */
function typed(tx: Tx, key: string, type: KeyType): Row | null {
  const row = tx.row(key);
  if (row && row.type !== type) throw new CommandError(WRONGTYPE);
  return row;
}

/** Makes sure `key` exists with `type`, as HSET/ZADD do; an existing key keeps its TTL. */
function ensure(tx: Tx, key: string, type: KeyType): void {
  if (!typed(tx, key, type)) tx.setRow(key, { type, value: null, expiresAt: null });
}

/** Members are read through SQL: write this transaction's changes to the key first. */
function zsetSize(tx: Tx, key: string): number {
  if (!typed(tx, key, "zset")) return 0;
  tx.flushKey(key);
  return count(tx, "countMembers", key);
}

type CountStatement = "countMembers" | "countBetween" | "countBefore" | "countAfter";

function count(tx: Tx, statement: CountStatement, ...params: unknown[]): number {
  return (tx.sql[statement].get(...params) as { n: number }).n;
}

type Handlers = { [K in OpName]: (tx: Tx, args: OpSpec[K]["args"]) => OpSpec[K]["result"] };

const handlers: Handlers = {
  get: (tx, [key]) => typed(tx, key, "string")?.value ?? null,

  set: (tx, [key, value, options]) => {
    const ttl = options?.ttlSeconds;
    if (ttl !== undefined && integerArg(ttl) <= 0) throw new CommandError("ERR invalid expire time in 'set' command");
    if (options?.ifAbsent && tx.row(key)) return false;
    // SET replaces a key of any type, and its TTL.
    tx.setRow(key, { type: "string", value, expiresAt: ttl === undefined ? null : tx.now + ttl * 1000 });
    return true;
  },

  del: (tx, [key]) => {
    if (!tx.row(key)) return 0;
    tx.delete(key);
    return 1;
  },

  incrby: (tx, [key, by]) => {
    integerArg(by);
    const row = typed(tx, key, "string");
    const next = increment(row?.value, by, NOT_INTEGER);
    tx.setRow(key, { type: "string", value: next, expiresAt: row?.expiresAt ?? null });
    return Number(next);
  },

  expire: (tx, [key, seconds]) => {
    integerArg(seconds);
    const row = tx.row(key);
    if (!row) return false;
    if (seconds <= 0) tx.delete(key);
    else tx.setRow(key, { ...row, expiresAt: tx.now + seconds * 1000 });
    return true;
  },

  ttl: (tx, [key]) => {
    const row = tx.row(key);
    if (!row) return -2;
    if (row.expiresAt === null) return -1;
    // Redis rounds the milliseconds left to the nearest second.
    return Math.floor((row.expiresAt - tx.now + 500) / 1000);
  },

  hset: (tx, [key, fields]) => {
    ensure(tx, key, "hash");
    let added = 0;
    for (const [field, value] of Object.entries(fields)) {
      if (tx.field(key, field) === null) added++;
      tx.putField(key, field, value);
    }
    return added;
  },

  hget: (tx, [key, field]) => (typed(tx, key, "hash") ? tx.field(key, field) : null),

  hgetall: (tx, [key]) => (typed(tx, key, "hash") ? tx.allFields(key) : {}),

  hincrby: (tx, [key, field, by]) => {
    integerArg(by);
    const current = typed(tx, key, "hash") ? tx.field(key, field) : null;
    const next = increment(current, by, "ERR hash value is not an integer");
    ensure(tx, key, "hash");
    tx.putField(key, field, next);
    return Number(next);
  },

  zadd: (tx, [key, score, member]) => {
    scoreArg(score);
    ensure(tx, key, "zset");
    const added = tx.member(key, member) === null ? 1 : 0;
    tx.putMember(key, member, score);
    return added;
  },

  zincrby: (tx, [key, by, member]) => {
    scoreArg(by);
    const next = (typed(tx, key, "zset") ? (tx.member(key, member) ?? 0) : 0) + by;
    if (Number.isNaN(next)) throw new CommandError("ERR resulting score is not a number (NaN)");
    ensure(tx, key, "zset");
    tx.putMember(key, member, next);
    return next;
  },

  zscore: (tx, [key, member]) => (typed(tx, key, "zset") ? tx.member(key, member) : null),

  zcard: (tx, [key]) => zsetSize(tx, key),

  zcount: (tx, [key, min, max]) => {
    const [low, high] = [boundArg(min), boundArg(max)];
    return zsetSize(tx, key) === 0 ? 0 : count(tx, "countBetween", key, low, high);
  },

  zrank: (tx, [key, member, options]) => {
    const score = typed(tx, key, "zset") ? tx.member(key, member) : null;
    if (score === null) return null;
    tx.flushKey(key);
    return count(tx, options?.reverse ? "countAfter" : "countBefore", key, score, member);
  },

  zrange: (tx, [key, start, stop, options]) => {
    integerArg(start);
    integerArg(stop);
    const size = zsetSize(tx, key);
    // Redis's ZRANGE index rules: negatives count from the end, then clamp.
    const first = Math.max(start < 0 ? size + start : start, 0);
    const last = Math.min(stop < 0 ? size + stop : stop, size - 1);
    if (first > last) return [];
    const statement = options?.reverse ? tx.sql.rangeDescending : tx.sql.rangeAscending;
    const { pairs } = jsonColumns<{ pairs: Array<[string, string]> }>(statement.get(key, last - first + 1, first));
    return pairs.map(([member, score]) => ({ member, score: sqlScore(score) }));
  },
};

export function runOp<K extends OpName>(tx: Tx, op: { name: K; args: OpSpec[K]["args"] }): OpSpec[K]["result"] {
  return handlers[op.name](tx, op.args);
}

/** execIf's compare-and-set of the guard key; GET's rules apply (WRONGTYPE on a non-string). */
export function compareAndSet(tx: Tx, guard: Guard): { applied: true } | { applied: false; current: string | null } {
  const current = runOp(tx, { name: "get", args: [guard.key] });
  if (current !== guard.expect) return { applied: false, current };
  if (guard.ttlSeconds !== undefined) {
    runOp(tx, { name: "set", args: [guard.key, guard.value, { ttlSeconds: guard.ttlSeconds }] });
  } else {
    // SET … KEEPTTL
    tx.setRow(guard.key, { type: "string", value: guard.value, expiresAt: tx.row(guard.key)?.expiresAt ?? null });
  }
  return { applied: true };
}

/**
 * execIf's rate limits: counts the request against each, then returns the
 * index of the first one over its limit (undefined when none is). The same
 * steps and arithmetic as the Lua script (lib/store/lua.ts).
 */
export function countLimits(tx: Tx, limits: readonly GuardLimit[]): number | undefined {
  const estimates = limits.map((limit) => {
    const count = runOp(tx, { name: "incrby", args: [limit.key, 1] });
    runOp(tx, { name: "expire", args: [limit.key, limit.ttlSeconds] });
    const previous = Number(runOp(tx, { name: "get", args: [limit.previousKey] }) ?? 0) || 0;
    return count + previous * limit.overlap;
  });
  const refused = estimates.findIndex((estimate, i) => estimate > (limits[i] as GuardLimit).limit);
  return refused < 0 ? undefined : refused;
}

/** Adds to `plan` what `ops` (and an execIf guard) will read, for Tx.prefetch. */
export function planReads(plan: Prefetch, ops: readonly Op[], guard?: Guard): void {
  if (guard !== undefined) {
    plan.keys.add(guard.key);
    for (const limit of guard.limits ?? []) plan.keys.add(limit.key).add(limit.previousKey);
  }
  for (const op of ops) {
    const key = op.args[0];
    plan.keys.add(key);
    switch (op.name) {
      case "hget":
      case "hincrby":
        plan.fields.push([key, op.args[1]]);
        break;
      case "hset":
        for (const field of Object.keys(op.args[1])) plan.fields.push([key, field]);
        break;
      case "hgetall":
        plan.hashes.add(key);
        break;
      case "zadd":
      case "zincrby":
        plan.members.push([key, op.args[2]]);
        break;
      case "zscore":
      case "zrank":
        plan.members.push([key, op.args[1]]);
        break;
    }
  }
}

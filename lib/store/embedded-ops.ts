import type { Statements } from "./embedded-sql";
import type { Guard, OpName, OpSpec, ScoreBound } from "./types";

/**
 * Redis semantics for each op, on top of SQLite, inside a transaction the
 * caller opened. Error messages are Redis's own, so callers see the same
 * text whichever backend runs.
 */

/** A command refused the way Redis would refuse it. */
export class CommandError extends Error {
  override name = "CommandError";
}

const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
const NOT_INTEGER = "ERR value is not an integer or out of range";
const NOT_FLOAT = "ERR value is not a valid float";

type KeyType = "string" | "hash" | "zset";

interface KeyRow {
  type: KeyType;
  value: string | null;
  expiresAt: number | null;
}
interface FieldRow {
  type: KeyType;
  expiresAt: number | null;
  field: string | null;
}
interface MemberRow {
  type: KeyType;
  expiresAt: number | null;
  score: number | null;
}
interface Count {
  n: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// Redis's string2ll: no sign on zero, no leading zeros, no spaces, at most 19 digits.
const INT64_TEXT = /^(0|-?[1-9][0-9]{0,18})$/;

function integerArg(value: number): number {
  if (!Number.isInteger(value)) throw new CommandError(NOT_INTEGER);
  return value;
}

function increment(current: string | null | undefined, by: number, notIntegerMessage: string): string {
  integerArg(by);
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

/** Statement helpers for one transaction; `now` is fixed for all of it, as Redis does per script. */
export class Tx {
  constructor(
    readonly sql: Statements,
    readonly now: number,
  ) {}

  // Rows come from our own schema, whose column types are known; hence the casts below.

  /** The row if the key exists and has not expired (an expired key is deleted on the way). */
  private live<R extends { type: KeyType; expiresAt: number | null }>(key: string, row: R | undefined, type?: KeyType) {
    if (row && row.expiresAt !== null && row.expiresAt <= this.now) {
      this.sql.deleteKey.run(key);
      return undefined;
    }
    if (row && type && row.type !== type) throw new CommandError(WRONGTYPE);
    return row;
  }

  key(key: string, type?: KeyType): KeyRow | undefined {
    return this.live(key, this.sql.key.get(key) as KeyRow | undefined, type);
  }

  field(key: string, field: string): FieldRow | undefined {
    return this.live(key, this.sql.keyAndField.get(field, key) as FieldRow | undefined, "hash");
  }

  member(key: string, member: string): MemberRow | undefined {
    return this.live(key, this.sql.keyAndMember.get(member, key) as MemberRow | undefined, "zset");
  }

  count(statement: keyof Statements, ...params: unknown[]): number {
    return (this.sql[statement].get(...params) as Count).n;
  }

  putString(key: string, value: string, expiresAt: number | null) {
    this.sql.putString.run(key, value, expiresAt);
  }
}

type Handlers = { [K in OpName]: (tx: Tx, args: OpSpec[K]["args"]) => OpSpec[K]["result"] };

const handlers: Handlers = {
  get: (tx, [key]) => tx.key(key, "string")?.value ?? null,

  set: (tx, [key, value, options]) => {
    const ttl = options?.ttlSeconds;
    if (ttl !== undefined && integerArg(ttl) <= 0) throw new CommandError("ERR invalid expire time in 'set' command");
    const existing = tx.key(key);
    if (existing && options?.ifAbsent) return false;
    // SET replaces a key of any type; its old contents go with its row.
    if (existing && existing.type !== "string") tx.sql.deleteKey.run(key);
    tx.putString(key, value, ttl === undefined ? null : tx.now + ttl * 1000);
    return true;
  },

  del: (tx, [key]) => {
    if (!tx.key(key)) return 0;
    tx.sql.deleteKey.run(key);
    return 1;
  },

  incrby: (tx, [key, by]) => {
    const existing = tx.key(key, "string");
    const next = increment(existing?.value, by, NOT_INTEGER);
    if (existing) tx.sql.setValue.run(next, key);
    else tx.putString(key, next, null);
    return Number(next);
  },

  expire: (tx, [key, seconds]) => {
    integerArg(seconds);
    if (!tx.key(key)) return false;
    if (seconds <= 0) tx.sql.deleteKey.run(key);
    else tx.sql.setExpiry.run(tx.now + seconds * 1000, key);
    return true;
  },

  ttl: (tx, [key]) => {
    const existing = tx.key(key);
    if (!existing) return -2;
    if (existing.expiresAt === null) return -1;
    // Redis rounds the milliseconds left to the nearest second.
    return Math.floor((existing.expiresAt - tx.now + 500) / 1000);
  },

  hset: (tx, [key, fields]) => {
    if (!tx.key(key, "hash")) tx.sql.createKey.run(key, "hash");
    const json = JSON.stringify(fields);
    const updated = tx.count("countFields", key, json);
    tx.sql.putFields.run(key, json);
    return Object.keys(fields).length - updated;
  },

  hget: (tx, [key, field]) => tx.field(key, field)?.field ?? null,

  hgetall: (tx, [key]) => {
    if (!tx.key(key, "hash")) return {};
    const rows = tx.sql.allFields.all(key) as Array<{ field: string; value: string }>;
    return Object.fromEntries(rows.map((row) => [row.field, row.value]));
  },

  hincrby: (tx, [key, field, by]) => {
    const existing = tx.field(key, field);
    const next = increment(existing?.field, by, "ERR hash value is not an integer");
    if (!existing) tx.sql.createKey.run(key, "hash");
    tx.sql.putField.run(key, field, next);
    return Number(next);
  },

  zadd: (tx, [key, score, member]) => {
    scoreArg(score);
    const existing = tx.member(key, member);
    if (!existing) tx.sql.createKey.run(key, "zset");
    tx.sql.putMember.run(key, member, score);
    return existing?.score == null ? 1 : 0;
  },

  zincrby: (tx, [key, by, member]) => {
    const existing = tx.member(key, member);
    const next = (existing?.score ?? 0) + scoreArg(by);
    if (Number.isNaN(next)) throw new CommandError("ERR resulting score is not a number (NaN)");
    if (!existing) tx.sql.createKey.run(key, "zset");
    tx.sql.putMember.run(key, member, next);
    return next;
  },

  zscore: (tx, [key, member]) => tx.member(key, member)?.score ?? null,

  zcard: (tx, [key]) => (tx.key(key, "zset") ? tx.count("countMembers", key) : 0),

  zcount: (tx, [key, min, max]) => {
    const [low, high] = [boundArg(min), boundArg(max)];
    return tx.key(key, "zset") ? tx.count("countBetween", key, low, high) : 0;
  },

  zrank: (tx, [key, member, options]) => {
    const score = tx.member(key, member)?.score;
    if (score == null) return null;
    return tx.count(options?.reverse ? "countAfter" : "countBefore", key, score, member);
  },

  zrange: (tx, [key, start, stop, options]) => {
    integerArg(start);
    integerArg(stop);
    const size = tx.key(key, "zset") ? tx.count("countMembers", key) : 0;
    // Redis's ZRANGE index rules: negatives count from the end, then clamp.
    const first = Math.max(start < 0 ? size + start : start, 0);
    const last = Math.min(stop < 0 ? size + stop : stop, size - 1);
    if (first > last) return [];
    const statement = options?.reverse ? tx.sql.rangeDescending : tx.sql.rangeAscending;
    const rows = statement.all(key, last - first + 1, first) as Array<{ member: string; score: number }>;
    return rows.map(({ member, score }) => ({ member, score }));
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
  } else if (current === null) {
    tx.putString(guard.key, guard.value, null);
  } else {
    tx.sql.setValue.run(guard.value, guard.key); // SET … KEEPTTL
  }
  return { applied: true };
}

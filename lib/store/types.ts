/**
 * The one key-value store interface the app uses: a small subset of Redis.
 * Pages and route handlers never touch it directly; lib/quiz, lib/sessions… do.
 *
 * Every operation is a plain value (`Op`), so the same description can run
 * alone, in an atomic transaction, or behind a set-if-absent guard, and each
 * adapter translates it once (Redis command, Upstash REST array, SQL).
 */

export type StoreKind = "embedded" | "redis" | "vercel-kv";

/** A sorted-set bound: a number, or an open end. */
export type ScoreBound = number | "-inf" | "+inf";

export interface ScoredMember {
  member: string;
  score: number;
}

/** Each command: its arguments and what it returns (Redis semantics). */
export interface OpSpec {
  /** GET → value, or null when missing or expired. */
  get: { args: [key: string]; result: string | null };
  /** SET with optional EX (seconds) and NX; true when written. */
  set: {
    args: [key: string, value: string, options?: { ttlSeconds?: number; ifAbsent?: boolean }];
    result: boolean;
  };
  /** DEL → number of keys removed. */
  del: { args: [key: string]; result: number };
  /** INCRBY → the new value (a missing key counts from 0). */
  incrby: { args: [key: string, by: number]; result: number };
  /** EXPIRE → true when the key exists and now has the TTL. */
  expire: { args: [key: string, seconds: number]; result: boolean };
  /** TTL → seconds left; -1 with no expiry, -2 when missing. */
  ttl: { args: [key: string]; result: number };
  /** HSET with several fields → number of fields that were new. */
  hset: { args: [key: string, fields: Record<string, string>]; result: number };
  hget: { args: [key: string, field: string]; result: string | null };
  /** HGETALL → {} when missing. */
  hgetall: { args: [key: string]; result: Record<string, string> };
  hincrby: { args: [key: string, field: string, by: number]; result: number };
  /** ZADD of one member → 1 when the member is new, else 0 (score updated). */
  zadd: { args: [key: string, score: number, member: string]; result: number };
  /** ZINCRBY → the new score. */
  zincrby: { args: [key: string, by: number, member: string]; result: number };
  zscore: { args: [key: string, member: string]; result: number | null };
  zcard: { args: [key: string]; result: number };
  /** ZCOUNT with inclusive bounds. */
  zcount: { args: [key: string, min: ScoreBound, max: ScoreBound]; result: number };
  /** ZRANK / ZREVRANK → 0-based rank, or null when not a member. */
  zrank: { args: [key: string, member: string, options?: { reverse?: boolean }]; result: number | null };
  /** ZRANGE by rank (inclusive, negative counts from the end), lowest first unless reverse. */
  zrange: {
    args: [key: string, start: number, stop: number, options?: { reverse?: boolean }];
    result: ScoredMember[];
  };
}

export type OpName = keyof OpSpec;

export type Op = { [K in OpName]: { name: K; args: OpSpec[K]["args"] } }[OpName];

export type OpResult<O extends Op> = OpSpec[O["name"]]["result"];

export type OpResults<T extends readonly Op[]> = { -readonly [I in keyof T]: OpResult<T[I]> };

/**
 * The outcome of `execIf`. Not applied: `current` is the guard key's value,
 * and `refusedBy` is the index (in `guard.limits`) of the first rate limit
 * that refused, when it was a limit rather than the compare-and-set.
 */
export type GuardedResult<T extends readonly Op[]> =
  | { applied: true; results: OpResults<T> }
  | { applied: false; current: string | null; refusedBy?: number };

/**
 * A sliding-window rate limit checked inside `execIf` (see lib/rate-limit.ts):
 * the request is counted (INCRBY `key` 1, EXPIRE `key` `ttlSeconds`), and
 * refused when `count + previous × overlap > limit`, `previous` being the
 * count at `previousKey`. Every limit is counted before any is checked, so a
 * refused request still counts against each of them.
 */
export interface GuardLimit {
  key: string;
  previousKey: string;
  limit: number;
  /** Share (0–1) of the previous window still inside the sliding window. */
  overlap: number;
  ttlSeconds: number;
}

/**
 * A compare-and-set guard: the string at `key` must currently equal `expect`
 * (`null` = the key must be absent). When it does, it is set to `value`
 * (with `ttlSeconds`, or keeping its current TTL when omitted).
 *
 * With `limits`, the request is counted against each first, and when any is
 * over, nothing else happens (no compare-and-set, no ops): the rate limit is
 * part of the same atomic round trip as the work it guards.
 */
export interface Guard {
  key: string;
  expect: string | null;
  value: string;
  ttlSeconds?: number;
  limits?: readonly GuardLimit[];
}

export interface Store {
  readonly kind: StoreKind;

  /**
   * Runs the ops in order as one atomic transaction and one round trip. As
   * in a Redis MULTI, an op the backend refuses (wrong type…) does not undo
   * the others: the call rejects with StoreOpError naming the first failure.
   */
  exec<const T extends readonly Op[]>(ops: T): Promise<OpResults<T>>;

  /**
   * One round trip, atomic: when the guard matches, sets the guard key and
   * runs `ops`; otherwise runs nothing and returns the guard key's current
   * value. Used for "record once" writes: an answer slot created with the
   * attempt ("pending" → the answer), an idempotency key or a unique
   * nickname (`expect: null`).
   */
  execIf<const T extends readonly Op[]>(guard: Guard, ops: T): Promise<GuardedResult<T>>;

  /** Throws StoreUnavailableError when the backend cannot be reached. */
  ping(): Promise<void>;

  /** Every key matching a glob `prefix*` (tests and maintenance only, never on a request path). */
  keys(prefix: string): Promise<string[]>;

  close(): Promise<void>;
}

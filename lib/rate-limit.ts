import { ApiError } from "@/lib/http/api-error";
import { clientKeyHash, utcDay } from "@/lib/security/client-keys";
import { execNamed, op, type GuardLimit, type NamedOps, type Op, type Store } from "@/lib/store";

/**
 * A sliding-window rate limiter on the store, one round trip per check.
 *
 * Each rule keeps one counter per fixed window of `windowSeconds`; the count
 * "in the last window" is estimated as this window's count plus the previous
 * window's, weighted by how much of it still overlaps the sliding window
 * (the approach Cloudflare describes for its own limiter). That needs two
 * keys and no sorted set, so it is atomic on every adapter, and a burst at a
 * window boundary cannot double the allowance as a plain fixed window would.
 *
 * `rateLimits` puts the checks in the same round trip as the work they
 * guard: for a write, in its own `execIf`, which counts first and applies
 * nothing when a limit is over, so refusing costs no extra round trip and
 * stores nothing; for a read, beside its ops in the same `exec`.
 * Subjects (an IP, a session id) become keys through a keyed hash whose key
 * changes every day (lib/security/client-keys.ts), and every key lives two
 * windows: no address is ever stored, none can be recovered by hashing every
 * possible one, and nothing outlives the window that needs it. The new key
 * at midnight (UTC) starts every count afresh.
 *
 * Fail closed: when the store is down the check throws StoreUnavailableError
 * (503 + Retry-After); nothing is let through unchecked.
 */

export interface RateLimitRule {
  /** Part of the key: short and unique per rule. */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** What the person is told, given the seconds to wait. */
  message: (retryAfterSeconds: number) => string;
}

export interface RateVerdict {
  allowed: boolean;
  /** Estimated requests in the sliding window, this one included when it was counted. */
  estimate: number;
  /** Seconds until the current window rolls over (at least 1). */
  retryAfterSeconds: number;
}

/** The count in this window (after counting this request, when it is counted) and the previous window's. */
interface WindowCounts {
  current: unknown;
  previous: unknown;
}

export interface RateCheck {
  /** A named batch (lib/store/named.ts), for the caller's `execNamed`: `ttl` only when the request is counted. */
  ops: { readonly current: Op; readonly ttl?: Op; readonly previous: Op };
  /** Reads the results of `ops`. */
  verdict(results: WindowCounts): RateVerdict;
}

/** A rule whose message tells the person how long to wait, in minutes ("Please try again in 3 minutes."). */
export function limitRule(name: string, limit: number, windowSeconds: number, message: (wait: string) => string): RateLimitRule {
  return { name, limit, windowSeconds, message: (seconds) => message(waitMinutes(seconds)) };
}

/** "3 minutes": Retry-After seconds as a person reads them in a limit's message. */
export function waitMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const subjectKey = (subject: string, now: number) => clientKeyHash(`rate-limit:${utcDay(now)}`, subject).toString("base64url").slice(0, 22);

/** The two fixed windows a check at `now` reads, and how much of the older one still counts. */
export function rateLimitWindow(rule: RateLimitRule, subject: string, now: number) {
  const windowMs = rule.windowSeconds * 1000;
  const bucket = Math.floor(now / windowMs);
  const base = `rl:${rule.name}:${subjectKey(subject, now)}`;
  return {
    current: `${base}:${bucket}`,
    previous: `${base}:${bucket - 1}`,
    /** Share of the previous window still inside the sliding window. */
    overlap: 1 - (now - bucket * windowMs) / windowMs,
    retryAfterSeconds: Math.max(1, Math.ceil(((bucket + 1) * windowMs - now) / 1000)),
  };
}

const count = (value: unknown) => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/**
 * The ops for one check. `count: true` counts this request (INCRBY + EXPIRE,
 * then reads the previous window); `count: false` only reads both windows,
 * for limits on failures that are counted afterwards with `countFailure`.
 */
export function rateLimitOps(rule: RateLimitRule, subject: string, now: number, options: { count: boolean }): RateCheck {
  return windowCheck(rule, rateLimitWindow(rule, subject, now), options);
}

function windowCheck(rule: RateLimitRule, k: ReturnType<typeof rateLimitWindow>, options: { count: boolean }): RateCheck {
  const estimate = (current: number, previous: number) => current + previous * k.overlap;
  if (options.count) {
    return {
      ops: { current: op.incrby(k.current, 1), ttl: op.expire(k.current, rule.windowSeconds * 2), previous: op.get(k.previous) },
      verdict: ({ current, previous }) => {
        const value = estimate(count(current), count(previous));
        return { allowed: value <= rule.limit, estimate: value, retryAfterSeconds: k.retryAfterSeconds };
      },
    };
  }
  return {
    ops: { current: op.get(k.current), previous: op.get(k.previous) },
    verdict: ({ current, previous }) => {
      const value = estimate(count(current), count(previous));
      // Reading only: the next failure would be one more, so the limit is reached at `limit`.
      return { allowed: value < rule.limit, estimate: value, retryAfterSeconds: k.retryAfterSeconds };
    },
  };
}

/** A rule and the subject it counts against (a client address, an attempt, a session). */
export interface LimitedBy {
  rule: RateLimitRule;
  subject: string;
}

export interface RateLimits {
  /** For a write's `execIf` (Guard.limits): counted there, and nothing is applied when one is over. */
  guard: GuardLimit[];
  /** Throws the 429 for the limit that refused an `execIf` outcome; does nothing otherwise. */
  throwIfRefused(outcome: { applied: boolean; refusedBy?: number }): void;
  /** For a read: a named batch (lib/store/named.ts) to put in the caller's `execNamed`… */
  ops: NamedOps;
  /** …and the check of its results: the 429 for the first limit over. */
  throwIfOver(results: unknown): void;
}

/**
 * The one way to apply rate limits: the checks for one request, in the same
 * round trip as the work they guard, either inside a write's `execIf` or
 * beside a read's ops. `count: false` only reads (a limit on failures, which
 * are counted afterwards with `countFailure`).
 */
export function rateLimits(checks: readonly LimitedBy[], now: number, options: { count: boolean } = { count: true }): RateLimits {
  const windows = checks.map(({ rule, subject }) => ({ rule, k: rateLimitWindow(rule, subject, now) }));
  // Named by position and rule: a name that is not a bare index keeps the checks in order.
  const reads = windows.map(({ rule, k }, i) => ({ name: `${i}:${rule.name}`, rule, check: windowCheck(rule, k, options) }));
  return {
    guard: windows.map(({ rule, k }) => ({
      key: k.current,
      previousKey: k.previous,
      limit: rule.limit,
      overlap: k.overlap,
      ttlSeconds: rule.windowSeconds * 2,
    })),
    throwIfRefused(outcome) {
      if (outcome.applied || outcome.refusedBy === undefined) return;
      const refused = windows[outcome.refusedBy];
      if (!refused) throw new Error(`execIf refused by an unknown limit ${outcome.refusedBy}`);
      throw rateLimitError(refused.rule, refused.k.retryAfterSeconds);
    },
    ops: Object.fromEntries(reads.map(({ name, check }) => [name, check.ops])),
    throwIfOver(results) {
      const byName = results as Record<string, WindowCounts>;
      for (const { name, rule, check } of reads) {
        const verdict = check.verdict(byName[name] ?? { current: null, previous: null });
        if (!verdict.allowed) throw rateLimitError(rule, verdict.retryAfterSeconds);
      }
    },
  };
}

/** The 429 for a refused check, with Retry-After. */
function rateLimitError(rule: RateLimitRule, seconds: number): ApiError {
  return new ApiError(429, "rate_limited", rule.message(seconds), undefined, { "Retry-After": String(seconds) });
}

/** Counts one request and throws the 429 when it is over the limit: one round trip, for a request with no store work of its own. */
export async function consume(store: Store, rule: RateLimitRule, subject: string, now = Date.now()): Promise<void> {
  const limits = rateLimits([{ rule, subject }], now);
  limits.throwIfOver(await execNamed(store, limits.ops));
}

/** Counts a failure (a wrong code) against a rule checked with `count: false`: one round trip, no verdict. */
export async function countFailure(store: Store, rule: RateLimitRule, subject: string, now = Date.now()): Promise<void> {
  await execNamed(store, rateLimitOps(rule, subject, now, { count: true }).ops);
}

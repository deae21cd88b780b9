import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { env } from "@/lib/env";
import { execNamed, op, type Store } from "@/lib/store";

/**
 * Keyed hashes of client addresses, for the keys that count them (rate
 * limits, lib/rate-limit.ts; leaderboard networks, lib/quiz/fair-play.ts).
 * A plain SHA-256 of an IPv4 address is reversed by hashing all 2^32 of
 * them; an HMAC is not, without its key.
 *
 * The key rotates: each scope (a day of rate limits, a board's period) gets
 * its own, HMAC(secret, scope), so a key that leaks with the store opens
 * only its own day or board. The secret is CLIENT_KEY_SECRET when set; else
 * a random one that the first instance to need it writes to the store (set
 * only if absent, so all instances share it) and that expires after
 * SECRET_TTL_SECONDS, when a new one replaces it.
 */

const SECRET_KEY = "secret:client-keys";
const SECRET_TTL_SECONDS = 30 * 24 * 3600;

interface Secret {
  value: Buffer;
  /** Epoch ms after which the store holds (or will hold) a newer one. */
  until: number;
}

// On globalThis so that every module instance (route bundles, dev reloads) shares what was read.
const HOLDER = Symbol.for("trump-kim-explained.client-key-secret");
type WithSecret = typeof globalThis & { [HOLDER]?: { stored?: Secret; loading?: Promise<void>; fallback?: Buffer } };
const held = () => ((globalThis as WithSecret)[HOLDER] ??= {});

/**
 * Makes sure the store's secret is known to this process: a round trip the
 * first time and once a month after, nothing otherwise (lib/service.ts calls
 * it for every service). Throws StoreUnavailableError like any store call.
 */
export async function loadClientKeySecret(store: Store, now = Date.now()): Promise<void> {
  if (env().clientKeySecret !== undefined) return;
  const state = held();
  if (state.stored && state.stored.until > now) return;
  state.loading ??= readSecret(store, now)
    .then((secret) => {
      state.stored = secret;
    })
    .finally(() => {
      state.loading = undefined;
    });
  await state.loading;
}

async function readSecret(store: Store, now: number): Promise<Secret> {
  const read = await execNamed(store, {
    claim: op.set(SECRET_KEY, randomBytes(32).toString("base64url"), { ttlSeconds: SECRET_TTL_SECONDS, ifAbsent: true }),
    value: op.get(SECRET_KEY),
    ttl: op.ttl(SECRET_KEY),
  });
  if (read.value === null) throw new Error("The client-key secret was written but cannot be read back");
  const seconds = read.ttl > 0 ? read.ttl : SECRET_TTL_SECONDS;
  return { value: Buffer.from(read.value, "base64url"), until: now + seconds * 1000 };
}

/**
 * The secret in force: configured, else the store's. A process that has not
 * read the store's (a test building a service on a store of its own) uses
 * a random one of its own, which only it needs to agree with.
 */
function secret(): Buffer | string {
  const configured = env().clientKeySecret;
  if (configured !== undefined) return configured;
  const state = held();
  return state.stored?.value ?? (state.fallback ??= randomBytes(32));
}

/**
 * Scope keys already derived, for the secret they were derived from: a
 * request hashes one or two subjects, and deriving the key each time
 * doubled the work (scopes are days and board periods: a handful at a time).
 */
const scopeKeys = { secret: null as Buffer | string | null, keys: new Map<string, KeyObject>() };
const MAX_SCOPE_KEYS = 64;

function scopeKey(scope: string): KeyObject {
  const current = secret();
  if (scopeKeys.secret !== current) {
    scopeKeys.secret = current;
    scopeKeys.keys.clear();
  }
  let key = scopeKeys.keys.get(scope);
  if (!key) {
    if (scopeKeys.keys.size >= MAX_SCOPE_KEYS) scopeKeys.keys.clear();
    key = createSecretKey(createHmac("sha256", current).update(scope).digest());
    scopeKeys.keys.set(scope, key);
  }
  return key;
}

/** HMAC-SHA-256 of `text` under the key of `scope`, itself HMAC(secret, scope). */
export function clientKeyHash(scope: string, text: string): Buffer {
  return createHmac("sha256", scopeKey(scope)).update(text).digest();
}

/** "2026-12-05": the scope of a day's rate-limit keys (UTC). */
export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

import { op, StoreOpError, type Store } from "@/lib/store";

/**
 * Everything a store holds, for "this request changed nothing" checks: each
 * key's value and when it expires. The Store interface has no TYPE command,
 * so each key's type is found once by trying GET, HGETALL, ZRANGE (a wrong
 * type is refused) and remembered; after that a snapshot is two round trips.
 */

type Kind = "string" | "hash" | "zset";

export interface StoreSnapshot {
  /** key → its value, as JSON. */
  values: Map<string, string>;
  /** key → when it expires (epoch seconds), or null without a TTL. */
  expiries: Map<string, number | null>;
}

const readers = {
  string: (key: string) => op.get(key),
  hash: (key: string) => op.hgetall(key),
  zset: (key: string) => op.zrange(key, 0, -1),
} as const;

const kinds = new WeakMap<Store, Map<string, Kind>>();

async function kindOf(store: Store, key: string, known: Map<string, Kind>): Promise<Kind> {
  const cached = known.get(key);
  if (cached) return cached;
  for (const kind of ["string", "hash", "zset"] as const) {
    const readable = await store.exec([readers[kind](key)]).then(
      () => true,
      (error: unknown) => {
        if (error instanceof StoreOpError) return false;
        throw error;
      },
    );
    if (readable) {
      known.set(key, kind);
      return kind;
    }
  }
  throw new Error(`key ${key} is neither a string, a hash nor a sorted set`);
}


/** Every key starting with `prefix` except those `ignore` accepts, with values and expiry times. */
export async function snapshotStore(
  store: Store,
  options: { prefix?: string; ignore?: (key: string) => boolean } = {},
): Promise<StoreSnapshot> {
  const known = kinds.get(store) ?? new Map<string, Kind>();
  kinds.set(store, known);
  const keys = (await store.keys(options.prefix ?? "")).filter((key) => !options.ignore?.(key)).sort();
  const byKind = new Map<Kind, string[]>();
  for (const key of keys) {
    const kind = await kindOf(store, key, known);
    byKind.set(kind, [...(byKind.get(kind) ?? []), key]);
  }
  // One round trip for every value and TTL.
  const ordered = [...byKind].flatMap(([kind, group]) => group.map((key) => ({ key, kind })));
  const results: unknown[] =
    ordered.length > 0
      ? await store.exec([...ordered.map(({ key, kind }) => readers[kind](key)), ...ordered.map(({ key }) => op.ttl(key))])
      : [];
  const now = Date.now() / 1000;
  // Field order of an unchanged hash is stable in every adapter, so the JSON text compares as the value.
  const values = new Map(ordered.map(({ key }, i) => [key, JSON.stringify(results[i])]));
  const expiries = new Map(
    ordered.map(({ key }, i) => {
      const ttl = Number(results[ordered.length + i]);
      return [key, ttl > 0 ? Math.round(now + ttl) : null];
    }),
  );
  return { values, expiries };
}

/**
 * What changed between two snapshots, in words ([] when nothing did). An
 * expiry that moved by more than `slackSeconds` (TTLs are whole seconds and
 * time passes between the reads) counts as a change: a refused request must
 * not extend anything either.
 */
export function storeChanges(before: StoreSnapshot, after: StoreSnapshot, slackSeconds = 2): string[] {
  const changes: string[] = [];
  for (const [key, value] of after.values) {
    if (!before.values.has(key)) changes.push(`added ${key}`);
    else if (before.values.get(key) !== value) changes.push(`changed ${key}`);
  }
  for (const key of before.values.keys()) if (!after.values.has(key)) changes.push(`removed ${key}`);
  for (const [key, expiry] of after.expiries) {
    const previous = before.expiries.get(key);
    if (previous === undefined) continue;
    if ((previous === null) !== (expiry === null) || Math.abs((previous ?? 0) - (expiry ?? 0)) > slackSeconds) {
      changes.push(`expiry of ${key} moved from ${previous} to ${expiry}`);
    }
  }
  return changes;
}

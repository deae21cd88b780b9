import type { Store } from "./types";

/**
 * JavaScript strings may hold lone UTF-16 surrogates ("\uD800"), which no
 * UTF-8 text can, and a request can carry one. Unchecked, each backend
 * fails its own way: SQLite stores bytes that are not UTF-8 and libsql
 * aborts the whole process when it reads them back; Redis's Lua refuses the
 * JSON escape. Node's own UTF-8 encoder replaces each lone surrogate with
 * U+FFFD, and so does every store, before anything reaches the backend: the
 * same value on every adapter, and no request can take the server down.
 */
export function wellFormedStore(store: Store): Store {
  return {
    kind: store.kind,
    exec: (ops) => store.exec(wellFormed(ops)),
    execIf: (guard, ops) => store.execIf(wellFormed(guard), wellFormed(ops)),
    ping: () => store.ping(),
    keys: (prefix) => store.keys(prefix.toWellFormed()),
    close: () => store.close(),
  };
}

/** `value` itself in the common case (every string in it well formed), else a copy with U+FFFD for lone surrogates. */
function wellFormed<T>(value: T): T {
  return isWellFormedDeep(value) ? value : (replaceLoneSurrogates(value) as T);
}

/** Runs on every store call, so it walks without allocating (ops hold plain objects, arrays and scalars). */
function isWellFormedDeep(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) return value.every(isWellFormedDeep);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key in record) if (!key.isWellFormed() || !isWellFormedDeep(record[key])) return false;
  }
  return true;
}

function replaceLoneSurrogates(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(replaceLoneSurrogates);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.toWellFormed(), replaceLoneSurrogates(entry)]));
  }
  return value;
}

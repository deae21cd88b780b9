import type { Statements } from "./embedded-sql";

/**
 * A write transaction's working set: each key it touches is read once (most
 * in one prefetch query), changed in memory, and written back in a handful of
 * statements at the end. libsql costs ~10 µs per statement whatever it does,
 * so this — not SQL cleverness — is what keeps an answer cheap.
 */

export type KeyType = "string" | "hash" | "zset";

export interface Row {
  type: KeyType;
  value: string | null;
  expiresAt: number | null;
}

/** What a batch of ops will read, so it can be fetched in one statement. */
export interface Prefetch {
  keys: Set<string>;
  /** Keys whose every field is needed (HGETALL). */
  hashes: Set<string>;
  fields: Array<[key: string, field: string]>;
  members: Array<[key: string, member: string]>;
}

export const emptyPrefetch = (): Prefetch => ({ keys: new Set(), hashes: new Set(), fields: [], members: [] });

/** A key's hash field values or sorted-set member scores, as far as the transaction knows them. */
class Known<V> {
  /** By field or member (null: known absent). */
  readonly values = new Map<string, V | null>();
  /** Changed in this transaction, to write back. */
  readonly changed = new Set<string>();

  /** The known value, else the stored one, read once; `complete` says nothing is stored that is not known. */
  lookup(name: string, complete: boolean, read: () => V | undefined): V | null {
    let value = this.values.get(name);
    if (value === undefined) {
      value = complete ? null : (read() ?? null);
      this.values.set(name, value);
    }
    return value;
  }

  put(name: string, value: V): void {
    this.values.set(name, value);
    this.changed.add(name);
  }

  clear(): void {
    this.values.clear();
    this.changed.clear();
  }
}

class Entry {
  /** The key as this transaction sees it; null when missing. */
  row: Row | null = null;
  rowDirty = false;
  /** The stored fields/members belong to a deleted or expired key: ignore them, delete them on flush. */
  stale = false;
  readonly fields = new Known<string>();
  readonly members = new Known<number>();
  /** Every field or member missing from the maps is absent (new or dropped key, or fields all loaded). */
  complete = false;

  get dirty(): boolean {
    return this.rowDirty || this.stale || this.fields.changed.size > 0 || this.members.changed.size > 0;
  }

  /** Forget the key (deleted or expired); the row and its contents go on flush. */
  drop(): void {
    this.row = null;
    this.rowDirty = true;
    this.stale = true;
    this.fields.clear();
    this.members.clear();
    this.complete = true;
  }
}

/** printf('%!.17g') text back to the exact double ("Inf"/"-Inf" for the infinities). */
export function sqlScore(text: string): number {
  if (text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

/** A statement's single row of JSON columns (see embedded-sql), parsed. */
export function jsonColumns<T>(row: unknown): T {
  return Object.fromEntries(
    Object.entries(row as Record<string, unknown>).map(([name, text]) => [
      name,
      typeof text === "string" ? JSON.parse(text) : text,
    ]),
  ) as T;
}

type FieldRow = { value: string } | undefined;
type MemberRow = { score: number } | undefined;

interface Prefetched {
  keys: Array<[key: string, type: KeyType, value: string | null, expiresAt: number | null]>;
  fields: Array<[key: string, field: string, value: string]>;
  hashes: Array<[key: string, field: string, value: string]>;
  members: Array<[key: string, member: string, score: string]>;
}

export class Tx {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly sql: Statements,
    readonly now: number,
  ) {}

  // Rows come from our own schema, whose column types are known; hence the casts below.

  /** Reads everything `plan` names, for keys not read yet, in one statement. */
  prefetch(plan: Prefetch): void {
    const keys = [...plan.keys].filter((key) => !this.entries.has(key));
    if (keys.length === 0) return;
    const fresh = new Map(keys.map((key) => [key, new Entry()]));
    const only = <T extends [string, string]>(pairs: T[]) => pairs.filter(([key]) => fresh.has(key));
    const found = jsonColumns<Prefetched>(
      this.sql.prefetch.get(
        JSON.stringify(keys),
        JSON.stringify(only(plan.fields)),
        JSON.stringify([...plan.hashes].filter((key) => fresh.has(key))),
        JSON.stringify(only(plan.members)),
      ),
    );
    const at = (key: string) => fresh.get(key) as Entry;
    for (const [key, type, value, expiresAt] of found.keys) at(key).row = { type, value, expiresAt };
    for (const [key, field, value] of [...found.fields, ...found.hashes]) at(key).fields.values.set(field, value);
    for (const [key, member, score] of found.members) at(key).members.values.set(member, sqlScore(score));
    // What was asked for and not found is known to be absent.
    for (const [key, entry] of fresh) {
      entry.complete = entry.row === null || (entry.row.type === "hash" && plan.hashes.has(key));
      this.entries.set(key, entry);
    }
    for (const [key, field] of only(plan.fields)) {
      const fields = (fresh.get(key) as Entry).fields.values;
      if (!fields.has(field)) fields.set(field, null);
    }
    for (const [key, member] of only(plan.members)) {
      const members = (fresh.get(key) as Entry).members.values;
      if (!members.has(member)) members.set(member, null);
    }
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new Entry();
      const row = this.sql.key.get(key) as Row | undefined;
      if (row) entry.row = { type: row.type, value: row.value, expiresAt: row.expiresAt };
      else entry.complete = true;
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The key's row, or null when missing or expired (an expired key is dropped on the way). */
  row(key: string): Row | null {
    const entry = this.entry(key);
    if (entry.row && entry.row.expiresAt !== null && entry.row.expiresAt <= this.now) entry.drop();
    return entry.row;
  }

  /** Creates or replaces the key's row; a new type starts empty. */
  setRow(key: string, row: Row): void {
    const entry = this.entry(key);
    if (entry.row && entry.row.type !== row.type) entry.drop();
    entry.row = row;
    entry.rowDirty = true;
  }

  delete(key: string): void {
    this.entry(key).drop();
  }

  field(key: string, field: string): string | null {
    const entry = this.entry(key);
    return entry.fields.lookup(field, entry.complete, () => (this.sql.field.get(key, field) as FieldRow)?.value);
  }

  putField(key: string, field: string, value: string): void {
    this.entry(key).fields.put(field, value);
  }

  allFields(key: string): Record<string, string> {
    const entry = this.entry(key);
    if (!entry.complete) {
      const { pairs } = jsonColumns<{ pairs: Array<[string, string]> }>(this.sql.allFields.get(key));
      // Fields changed in this transaction win over the stored ones.
      for (const [field, value] of pairs) if (!entry.fields.values.has(field)) entry.fields.values.set(field, value);
      entry.complete = true;
    }
    // fromEntries, not assignment: a field named "__proto__" must stay a field.
    return Object.fromEntries([...entry.fields.values].filter((pair): pair is [string, string] => pair[1] !== null));
  }

  member(key: string, member: string): number | null {
    const entry = this.entry(key);
    return entry.members.lookup(member, entry.complete, () => (this.sql.member.get(key, member) as MemberRow)?.score);
  }

  putMember(key: string, member: string, score: number): void {
    this.entry(key).members.put(member, score);
  }

  /** Writes back `key` now, so that a SQL query over its members (ZRANGE, ZRANK…) sees this transaction's changes. */
  flushKey(key: string): void {
    const entry = this.entry(key);
    if (entry.dirty) this.write([[key, entry]]);
  }

  /** Writes back every change; call before COMMIT. */
  flush(): void {
    this.write([...this.entries].filter(([, entry]) => entry.dirty));
  }

  private write(dirty: Array<[string, Entry]>): void {
    if (dirty.length === 0) return;
    const recreated = dirty.filter(([, entry]) => entry.stale && entry.row).map(([key]) => key);
    if (recreated.length > 0) {
      this.sql.deleteFields.run(JSON.stringify(recreated));
      this.sql.deleteMembers.run(JSON.stringify(recreated));
    }
    // Deleting a row also deletes its fields and members (trigger).
    const deleted = dirty.filter(([, entry]) => entry.rowDirty && !entry.row).map(([key]) => key);
    if (deleted.length > 0) this.sql.deleteKeys.run(JSON.stringify(deleted));
    const rows = dirty.flatMap(([key, { row, rowDirty }]) =>
      rowDirty && row ? [[key, row.type, row.value, row.expiresAt]] : [],
    );
    if (rows.length > 0) this.sql.putKeys.run(JSON.stringify(rows));
    const fields = dirty.flatMap(([key, entry]) =>
      [...entry.fields.changed].map((field) => [key, field, entry.fields.values.get(field)]),
    );
    if (fields.length > 0) this.sql.putFields.run(JSON.stringify(fields));
    // One statement per member: a bound REAL keeps every score bit-exact (and ±Infinity), JSON would not.
    for (const [key, entry] of dirty) {
      for (const member of entry.members.changed) {
        this.sql.putMember.run(key, member, entry.members.values.get(member) as number);
      }
    }
    for (const [, entry] of dirty) {
      entry.rowDirty = false;
      entry.stale = false;
      entry.fields.changed.clear();
      entry.members.changed.clear();
    }
  }
}

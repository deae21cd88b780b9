import Database from "libsql";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { CommandError, compareAndSet, runOp, Tx } from "./embedded-ops";
import { prepareStatements, SCHEMA, type Statements } from "./embedded-sql";
import { assertOpsShape, StoreOpError } from "./op-error";
import type { Guard, GuardedResult, Op, OpResults, Store } from "./types";

/**
 * The store in a local SQLite file (libSQL), for development and single-server
 * hosting.
 *
 * It drives `libsql` — the engine under @libsql/client's `file:` URLs —
 * directly: its cached prepared statements cost ~10 µs where @libsql/client
 * re-prepares and describes every statement (~70 µs), which is the difference
 * between a cheap and an expensive answer route.
 *
 * Each `exec` is one synchronous BEGIN IMMEDIATE … COMMIT with no await
 * inside, so calls in this process cannot interleave — that is the queue —
 * and the write lock is never held across an await; busy_timeout covers other
 * connections (another instance, another process) on the same file.
 */

const BUSY_TIMEOUT_MS = 5_000;
const SWEEP_INTERVAL_MS = 60_000;

export async function openEmbeddedStore(config: { dataDir: string }): Promise<Store> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = new Database(path.join(config.dataDir, "store.db"), { timeout: BUSY_TIMEOUT_MS });
  // WAL: readers never wait for the writer. synchronous=NORMAL: no fsync per commit; a power cut
  // can lose the last commits but never corrupts the file — the right trade for quiz scores.
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
  db.exec(SCHEMA);
  return new EmbeddedStore(db, prepareStatements(db));
}

class EmbeddedStore implements Store {
  readonly kind = "embedded";
  private lastSweep = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: Statements,
  ) {}

  async exec<const T extends readonly Op[]>(ops: T): Promise<OpResults<T>> {
    assertOpsShape(ops);
    return this.transaction((tx) => runAll(tx, ops));
  }

  async execIf<const T extends readonly Op[]>(guard: Guard, ops: T): Promise<GuardedResult<T>> {
    assertOpsShape(ops);
    return this.transaction((tx) => {
      const outcome = compareAndSet(tx, guard);
      return outcome.applied ? { applied: true, results: runAll(tx, ops) } : outcome;
    });
  }

  async ping(): Promise<void> {
    this.sql.ping.get();
  }

  async keys(prefix: string): Promise<string[]> {
    const rows = this.sql.keysWithPrefix.all(prefix, Date.now()) as Array<{ key: string }>;
    return rows.map((row) => row.key);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs `body` in one write transaction. A refused op (StoreOpError) does not roll back the
   * others — Redis MULTI semantics — so the transaction commits before it is rethrown.
   */
  private transaction<R>(body: (tx: Tx) => R): R {
    const now = Date.now();
    this.sql.begin.run();
    let opError: StoreOpError | undefined;
    let result: R | undefined;
    try {
      result = body(new Tx(this.sql, now));
    } catch (error) {
      if (!(error instanceof StoreOpError)) {
        if (this.db.inTransaction) this.sql.rollback.run();
        throw error;
      }
      opError = error;
    }
    if (now - this.lastSweep > SWEEP_INTERVAL_MS) {
      this.sql.sweepExpired.run(now);
      this.lastSweep = now;
    }
    this.sql.commit.run();
    if (opError) throw opError;
    return result as R;
  }
}

/** Runs every op; the first refused one is thrown as a StoreOpError once all have run. */
function runAll<const T extends readonly Op[]>(tx: Tx, ops: T): OpResults<T> {
  let failure: StoreOpError | undefined;
  const results = ops.map((op, index) => {
    try {
      return runOp(tx, op);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      failure ??= new StoreOpError(index, op.name, error.message);
      return null;
    }
  });
  if (failure) throw failure;
  // The tuple type cannot follow a map over a generic tuple; each entry is its own op's result.
  return results as OpResults<T>;
}

const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/;

/** The database file is locked, unreadable or full — not a refused command. */
export function isEmbeddedUnavailable(error: unknown): boolean {
  return error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code);
}

import Database from "libsql";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { CommandError, compareAndSet, countLimits, planReads, runOp } from "./embedded-ops";
import { prepareStatements, SCHEMA, type Statements } from "./embedded-sql";
import { emptyPrefetch, Tx, type Prefetch } from "./embedded-tx";
import { assertOpsShape, StoreOpError } from "./op-error";
import { op } from "./ops";
import type { Guard, GuardedResult, Op, OpResults, Store } from "./types";

/**
 * The store in a local SQLite file (libSQL), for development and single-server
 * hosting.
 *
 * It drives `libsql` — the engine under @libsql/client's `file:` URLs —
 * directly: its cached prepared statements cost ~10 µs where @libsql/client
 * re-prepares and describes every statement (~70 µs).
 *
 * Calls go through an in-process queue. Everything queued in one turn of the
 * event loop runs as one batch: one BEGIN IMMEDIATE … COMMIT, one prefetch,
 * one write-back — so under load the fixed cost of a transaction is shared.
 * Each call still runs alone and in order within the batch, so it is as
 * atomic as its own transaction would be. A batch is synchronous (no await
 * inside), so calls never interleave and the write lock is never held across
 * an await; busy_timeout covers other connections (another instance, another
 * process) on the same file.
 */

const BUSY_TIMEOUT_MS = 5_000;
const SWEEP_INTERVAL_MS = 60_000;
const MAX_BATCH = 256;

export async function openEmbeddedStore(config: { dataDir: string }): Promise<Store> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = new Database(path.join(config.dataDir, "store.db"), { timeout: BUSY_TIMEOUT_MS });
  // WAL: readers never wait for the writer. synchronous=NORMAL: no fsync per commit; a power cut
  // can lose the last commits but never corrupts the file — the right trade for quiz scores.
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
  db.exec(SCHEMA);
  return new EmbeddedStore(db, prepareStatements(db));
}

interface Job {
  plan(prefetch: Prefetch): void;
  run(tx: Tx): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class EmbeddedStore implements Store {
  readonly kind = "embedded";
  private queue: Job[] = [];
  private lastSweep = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: Statements,
  ) {}

  async exec<const T extends readonly Op[]>(ops: T): Promise<OpResults<T>> {
    assertOpsShape(ops);
    return this.enqueue(
      (plan) => planReads(plan, ops),
      (tx) => runAll(tx, ops),
    );
  }

  async execIf<const T extends readonly Op[]>(guard: Guard, ops: T): Promise<GuardedResult<T>> {
    assertOpsShape(ops);
    return this.enqueue(
      (plan) => planReads(plan, ops, guard),
      (tx): GuardedResult<T> => {
        const refusedBy = countLimits(tx, guard.limits ?? []);
        if (refusedBy !== undefined) return { applied: false, current: runOp(tx, op.get(guard.key)), refusedBy };
        const outcome = compareAndSet(tx, guard);
        return outcome.applied ? { applied: true, results: runAll(tx, ops) } : outcome;
      },
    );
  }

  async ping(): Promise<void> {
    this.sql.ping.get();
  }

  async keys(prefix: string): Promise<string[]> {
    const rows = this.sql.keysWithPrefix.all(prefix, Date.now()) as Array<{ key: string }>;
    return rows.map((row) => row.key);
  }

  async close(): Promise<void> {
    if (this.queue.length > 0) this.runQueue();
    if (this.db.open) this.db.close();
  }

  private enqueue<R>(plan: (prefetch: Prefetch) => void, run: (tx: Tx) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ plan, run, resolve: resolve as (value: unknown) => void, reject });
      // setImmediate, not a microtask: every request read in this turn of the event loop joins the batch.
      if (this.queue.length === 1) setImmediate(() => this.runQueue());
    });
  }

  private runQueue(): void {
    while (this.queue.length > 0) {
      let batch = this.queue.splice(0, MAX_BATCH);
      while (batch.length > 0) {
        try {
          const outcomes = this.runBatch(batch);
          batch.forEach((job, i) => settle(job, outcomes[i] as Outcome));
          batch = [];
        } catch (error) {
          if (!(error instanceof JobFailure)) {
            // The database itself failed (locked, disk full…): every call in the batch fails.
            batch.forEach((job) => job.reject(error));
            batch = [];
          } else {
            // One call hit an unexpected error and the batch was rolled back: it fails, the others run again.
            (batch[error.index] as Job).reject(error.cause);
            batch = batch.filter((_, i) => i !== error.index);
          }
        }
      }
    }
  }

  /**
   * Runs the jobs in one write transaction. A refused op (StoreOpError) does not roll anything
   * back — Redis MULTI semantics — so it is an outcome; anything else aborts the whole batch.
   */
  private runBatch(batch: Job[]): Outcome[] {
    const now = Date.now();
    this.sql.begin.run();
    try {
      if (now - this.lastSweep > SWEEP_INTERVAL_MS) {
        this.sql.sweepExpired.run(now);
        this.lastSweep = now;
      }
      const tx = new Tx(this.sql, now);
      const plan = emptyPrefetch();
      batch.forEach((job) => job.plan(plan));
      tx.prefetch(plan);
      const outcomes = batch.map((job, index): Outcome => {
        try {
          return { ok: true, value: job.run(tx) };
        } catch (error) {
          if (error instanceof StoreOpError) return { ok: false, error };
          throw new JobFailure(index, error);
        }
      });
      tx.flush();
      this.sql.commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
      throw error;
    }
  }
}

/** One job of a batch threw something other than a refused op. */
class JobFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super("a job of the batch failed");
  }
}

function settle(job: Job, outcome: Outcome): void {
  if (outcome.ok) job.resolve(outcome.value);
  else job.reject(outcome.error);
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

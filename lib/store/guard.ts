import { noteStoreAnswered, noteStoreUnreachable } from "./availability";
import { StoreUnavailableError } from "./errors";
import type { Store } from "./types";

export interface GuardOptions {
  /**
   * Longest any call may take before it fails with StoreUnavailableError. None for the embedded
   * store: its calls run synchronously on the event loop, so a timer could never fire before them
   * (a lock held elsewhere is bounded by SQLite's busy timeout instead).
   */
  timeoutMs?: number;
  /** The adapter's own test for "could not reach the backend" (vs. a refused command or a bug). */
  isUnavailable: (error: unknown) => boolean;
}

/**
 * Wraps an adapter so that no call hangs past the deadline and outages
 * surface as StoreUnavailableError (→ 503 + Retry-After). Everything else —
 * StoreOpError, bugs — passes through unchanged and stays a 500. Each
 * call's outcome is what the proxy knows of the store (./availability.ts).
 *
 * A call that times out may still complete on the backend later; callers
 * that must not double-apply a write use execIf.
 */
export function guardStore(store: Store, options: GuardOptions): Store {
  const guarded = <R>(what: string, call: () => Promise<R>) => withDeadline(what, call, options);
  return {
    kind: store.kind,
    exec: (ops) => guarded("exec", () => store.exec(ops)),
    execIf: (guard, ops) => guarded("execIf", () => store.execIf(guard, ops)),
    ping: () => guarded("ping", () => store.ping()),
    keys: (prefix) => guarded("keys", () => store.keys(prefix)),
    close: () => guarded("close", () => store.close()),
  };
}

async function withDeadline<R>(what: string, call: () => Promise<R>, options: GuardOptions): Promise<R> {
  try {
    const result = await withinDeadline(what, call, options);
    noteStoreAnswered();
    return result;
  } catch (error) {
    // A refused command or a bug is an answer too: only an outage marks the store down.
    if (error instanceof StoreUnavailableError) noteStoreUnreachable(error.retryAfterSeconds);
    else noteStoreAnswered();
    throw error;
  }
}

async function withinDeadline<R>(what: string, call: () => Promise<R>, options: GuardOptions): Promise<R> {
  const { timeoutMs } = options;
  let timer: NodeJS.Timeout | undefined;
  try {
    if (timeoutMs === undefined) return await call();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`The store did not answer ${what} within ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    // Promise.race keeps a handler on the losing call, so its late rejection is not "unhandled".
    return await Promise.race([call(), deadline]);
  } catch (error) {
    if (error instanceof StoreUnavailableError || !options.isUnavailable(error)) throw error;
    throw new StoreUnavailableError(`The store could not be reached (${describe(error)}).`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

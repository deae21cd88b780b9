import { env } from "@/lib/env";
import { StoreUnavailableError } from "./errors";
import { getStore } from "./index";
import type { Store, StoreKind } from "./types";

/** Whether the store answers; when it does not, how long to wait before asking again. */
export type StoreHealth =
  | { store: StoreKind; reachable: true }
  | { store: StoreKind; reachable: false; retryAfterSeconds: number };

/**
 * Pings the store. Never throws: any failure to reach the store — even a
 * misconfiguration — means "not reachable" to a health check.
 */
export async function checkStoreHealth(kind: StoreKind, store: Store | Promise<Store>): Promise<StoreHealth> {
  try {
    await (await store).ping();
    return { store: kind, reachable: true };
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) console.error("store: health check failed", error);
    const retryAfterSeconds = error instanceof StoreUnavailableError ? error.retryAfterSeconds : 5;
    return { store: kind, reachable: false, retryAfterSeconds };
  }
}

/** The health of the process-wide store. */
export function storeHealth(): Promise<StoreHealth> {
  return checkStoreHealth(env().store.kind, getStore());
}

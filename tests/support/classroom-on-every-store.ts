import { afterAll, beforeAll, describe } from "vitest";
import { createClassroomService, type ClassroomService } from "@/lib/classroom";
import type { StoreConfig } from "@/lib/env";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { createStore, type Store } from "@/lib/store";
import { storeConfigs } from "./store-configs";

/** What a classroom contract suite works with on one adapter; `clock.now` is the service's time, and tests move it. */
export interface ClassroomOnStore {
  readonly store: Store;
  readonly classroom: ClassroomService;
  readonly clock: { now: number };
}

/**
 * One `describe` per store adapter (skipped, and saying why, where
 * redis-server is missing), with a classroom service on that store.
 */
export function describeClassroomOnEveryStore(title: string, dataDir: string, bank: QuestionBank, suite: (on: ClassroomOnStore) => void): void {
  for (const [name, config] of storeConfigs(dataDir)) {
    describe.skipIf(!config)(`${title}: ${name}${config ? "" : " (skipped: redis-server is not installed)"}`, () => {
      const clock = { now: Date.now() };
      let store: Store | undefined;
      let classroom: ClassroomService | undefined;
      beforeAll(async () => {
        store = await createStore(config as StoreConfig, { timeoutMs: 15_000 });
        classroom = createClassroomService({ store, bank, now: () => clock.now });
      });
      afterAll(async () => {
        await store?.close();
      });
      const ready = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error("the store is not open yet");
        return value;
      };
      suite({
        get store() {
          return ready(store);
        },
        get classroom() {
          return ready(classroom);
        },
        clock,
      });
    });
  }
}

import "server-only";
import { getBank } from "@/lib/questions/bank";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { cryptoRandomInt, type RandomInt } from "@/lib/questions/draw";
import { loadClientKeySecret } from "@/lib/security/client-keys";
import { DEFAULT_CLASSROOM_MAX_PLAYERS, env } from "@/lib/env";
import { getStore, type Store } from "@/lib/store";

/**
 * How every feature's service is built. `createQuizService(deps)`,
 * `createClassroomService(deps)` and `createShareService(deps)` bind their
 * operations to these deps; `quizService()`, `classroomService()` and
 * `shareService()` are the same on the app's own store and bank. Tests build
 * services on their own deps: a fixture bank, a fixed clock, a seeded random source.
 */
export interface ServiceDeps {
  store: Store;
  bank: QuestionBank;
  now?: () => number;
  random?: RandomInt;
  /** Players one classroom session seats (CLASSROOM_MAX_PLAYERS). */
  classroomMaxPlayers?: number;
}

/** What every operation receives: the deps with their defaults filled in. */
export type ServiceContext = Required<ServiceDeps>;

export function serviceContext(deps: ServiceDeps): ServiceContext {
  return {
    store: deps.store,
    bank: deps.bank,
    now: deps.now ?? Date.now,
    random: deps.random ?? cryptoRandomInt,
    classroomMaxPlayers: deps.classroomMaxPlayers ?? DEFAULT_CLASSROOM_MAX_PLAYERS,
  };
}

/**
 * The app's deps: the process-wide store, the site's question bank and the
 * classroom's seats from the environment, with
 * the secret that client addresses are hashed with read from the store (once
 * a month per process; lib/security/client-keys.ts).
 */
export async function appDeps(): Promise<ServiceDeps> {
  const store = await getStore();
  await loadClientKeySecret(store);
  return { store, bank: getBank(), classroomMaxPlayers: env().classroomMaxPlayers };
}

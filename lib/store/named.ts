import type { Guard, Op, OpResult, Store } from "./types";

/**
 * Batches whose results are read by name, not by position. Each entry is one
 * op, a list of ops (their results come back as a list), or a nested batch
 * (a part another module builds, such as a rate limit's ops). The ops run in
 * the order the entries are written, as one `exec` or `execIf`, so adding an
 * entry never shifts what another one reads.
 *
 *   const { session, player } = await execNamed(store, {
 *     session: op.hgetall(keys.session(id)),
 *     player: op.hgetall(keys.player(id, playerId)),
 *   });
 *
 * Names must not look like array indices ("0", "1"): JavaScript orders those first.
 */
export interface NamedOps {
  readonly [name: string]: Op | readonly Op[] | NamedOps;
}

type ResultsOf<L extends readonly Op[]> = { -readonly [I in keyof L]: L[I] extends Op ? OpResult<L[I]> : never };

export type NamedResults<N extends NamedOps> = {
  -readonly [K in keyof N]: N[K] extends readonly Op[]
    ? ResultsOf<N[K]>
    : N[K] extends Op
      ? OpResult<N[K]>
      : N[K] extends NamedOps
        ? NamedResults<N[K]>
        : never;
};

export type NamedGuardedResult<N extends NamedOps> =
  | { applied: true; results: NamedResults<N> }
  | { applied: false; current: string | null; refusedBy?: number };

const isOp = (entry: Op | NamedOps): entry is Op => typeof entry.name === "string" && Array.isArray(entry.args);

/** The ops in order, and how to read their results back into the batch's shape. */
function flatten(named: NamedOps, ops: Op[]): (results: readonly unknown[]) => unknown {
  const readers = Object.entries(named).map(([name, entry]): [string, (results: readonly unknown[]) => unknown] => {
    const at = ops.length;
    if (Array.isArray(entry)) {
      const list = entry as readonly Op[];
      ops.push(...list);
      return [name, (results) => results.slice(at, at + list.length)];
    }
    const single = entry as Op | NamedOps;
    if (isOp(single)) {
      ops.push(single);
      return [name, (results) => results[at]];
    }
    return [name, flatten(single, ops)];
  });
  return (results) => Object.fromEntries(readers.map(([name, read]) => [name, read(results)]));
}

/** `store.exec`, results by name. */
export async function execNamed<const N extends NamedOps>(store: Store, named: N): Promise<NamedResults<N>> {
  const ops: Op[] = [];
  const read = flatten(named, ops);
  return read(await store.exec(ops)) as NamedResults<N>;
}

/** `store.execIf`, results by name when the guard matched. */
export async function execIfNamed<const N extends NamedOps>(store: Store, guard: Guard, named: N): Promise<NamedGuardedResult<N>> {
  const ops: Op[] = [];
  const read = flatten(named, ops);
  const outcome = await store.execIf(guard, ops);
  return outcome.applied ? { applied: true, results: read(outcome.results) as NamedResults<N> } : outcome;
}

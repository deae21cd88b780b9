import type { Op, OpName } from "./types";

/**
 * One op of a transaction was refused by the backend (WRONGTYPE, not an
 * integer…). A programming error, not an outage: routes let it become a 500.
 *
 * As in a Redis MULTI, the other ops of the same `exec`/`execIf` still
 * ran and stay applied; only the first failure is reported.
 */
export class StoreOpError extends Error {
  readonly index: number;
  readonly op: OpName;
  /** The backend's own message, e.g. "WRONGTYPE Operation against a key…". */
  readonly reply: string;

  constructor(index: number, op: OpName, reply: string) {
    super(`store op #${index} (${op}) failed: ${reply}`);
    this.name = "StoreOpError";
    this.index = index;
    this.op = op;
    this.reply = reply;
  }
}

/**
 * Refuses what Redis would reject while queueing a MULTI (EXECABORT, nothing
 * applied) but a Lua script or SQLite would only notice mid-way, so that every
 * adapter refuses the same transactions the same way: before running anything.
 */
export function assertOpsShape(ops: readonly Op[]): void {
  ops.forEach((op, index) => {
    if (op.name === "hset" && Object.keys(op.args[1]).length === 0) {
      throw new StoreOpError(index, op.name, "ERR wrong number of arguments for 'hset' command");
    }
  });
}

import { describe, expect, it } from "vitest";
import { execIfNamed, execNamed, op, type Guard, type Op, type Store } from "@/lib/store";

/** A store that answers each op with its own position and records the batches it was sent. */
function echoStore(applied = true) {
  const sent: { guard?: Guard; ops: readonly Op[] }[] = [];
  const answer = (ops: readonly Op[]) => ops.map((_, i) => `result ${i}`);
  const store = {
    kind: "embedded",
    exec: async (ops: readonly Op[]) => {
      sent.push({ ops });
      return answer(ops);
    },
    execIf: async (guard: Guard, ops: readonly Op[]) => {
      sent.push({ guard, ops });
      return applied ? { applied: true, results: answer(ops) } : { applied: false, current: "taken", refusedBy: 0 };
    },
    ping: async () => undefined,
    keys: async () => [],
    close: async () => undefined,
  } as unknown as Store;
  return { store, sent };
}

describe("batches read by name", () => {
  it("runs the ops in the order written, as one call, and hands each result back under its name", async () => {
    const { store, sent } = echoStore();
    const read = await execNamed(store, {
      first: op.get("a"),
      list: [op.get("b"), op.get("c")],
      empty: [],
      nested: { inner: op.get("d"), more: [op.get("e")] },
      last: op.get("f"),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.ops.map((o) => o.args[0])).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(read).toEqual({
      first: "result 0",
      list: ["result 1", "result 2"],
      empty: [],
      nested: { inner: "result 3", more: ["result 4"] },
      last: "result 5",
    });
  });

  it("adding an entry does not change what the others read", async () => {
    const { store } = echoStore();
    const before = await execNamed(store, { session: op.hgetall("s"), player: op.hgetall("p") });
    const after = await execNamed(store, { limits: [op.get("l1"), op.get("l2")], session: op.hgetall("s"), player: op.hgetall("p") });
    expect(Object.keys(after)).toEqual(["limits", "session", "player"]);
    expect([before.session, before.player]).toEqual(["result 0", "result 1"]);
    expect([after.session, after.player]).toEqual(["result 2", "result 3"]);
  });

  it("passes the guard through, and a refusal through unchanged", async () => {
    const guard: Guard = { key: "g", expect: null, value: "1" };
    const applied = echoStore(true);
    expect(await execIfNamed(applied.store, guard, { write: op.set("k", "v"), read: op.get("k") })).toEqual({
      applied: true,
      results: { write: "result 0", read: "result 1" },
    });
    expect(applied.sent[0]?.guard).toBe(guard);
    const refused = echoStore(false);
    expect(await execIfNamed(refused.store, guard, { write: op.set("k", "v") })).toEqual({ applied: false, current: "taken", refusedBy: 0 });
  });
});

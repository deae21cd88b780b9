import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "vitest";
import { createStore, op } from "@/lib/store";

it("perf", async () => {
  const store = await createStore({ kind: "embedded", dataDir: mkdtempSync(path.join(tmpdir(), "perf-")) });
  const N = 5000;
  for (let i = 0; i < N; i++) await store.exec([op.set(`slot:${i}`, "pending", { ttlSeconds: 600 })]);
  const run = async (label: string, from: number) => {
    const t = performance.now();
    for (let i = from; i < from + N / 2; i++) {
      const stats = `stats:q${i % 20}`, attempt = `att:${i % 500}`;
      await store.execIf({ key: `slot:${i}`, expect: "pending", value: "B" }, [
        op.hincrby(stats, "total", 1), op.hincrby(stats, "correct", 1), op.hincrby(stats, "B", 1), op.expire(stats, 86400),
        op.hincrby(attempt, "answered", 1), op.hincrby(attempt, "score", 1), op.hset(attempt, { [`a:q${i % 20}`]: "B" }), op.hgetall(attempt),
      ]);
    }
    console.log(label, ((performance.now() - t) * 1000 / (N / 2)).toFixed(0), "µs per answer execIf");
  };
  await run("warm", 0);
  await run("measured", N / 2);
  await store.close();
}, 120_000);

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createStore } from "@/lib/store";
import { describeStoreContract } from "./store.contract";

// Generous: 1,000 concurrent requests through one local Redis or REST bridge queue up.
const TIMEOUT_MS = 15_000;

const dataDir = mkdtempSync(path.join(tmpdir(), "store-contract-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStoreContract("embedded", () => createStore({ kind: "embedded", dataDir }, { timeoutMs: TIMEOUT_MS }));

const redisUrl = inject("redisUrl");
const upstashUrl = inject("upstashUrl");
const upstashToken = inject("upstashToken");
const noRedis = "redis-server is not installed";

describeStoreContract(
  "redis",
  redisUrl ? () => createStore({ kind: "redis", url: redisUrl }, { timeoutMs: TIMEOUT_MS }) : undefined,
  noRedis,
);

describeStoreContract(
  "vercel-kv",
  upstashUrl && upstashToken
    ? () => createStore({ kind: "vercel-kv", url: upstashUrl, token: upstashToken }, { timeoutMs: TIMEOUT_MS })
    : undefined,
  noRedis,
);

import type { Op, OpSpec } from "./types";

/** Builders for `Op` values, so callers write `op.incrby("k", 1)`. */
export const op = {
  get: (...args: OpSpec["get"]["args"]) => ({ name: "get", args }) as const,
  set: (...args: OpSpec["set"]["args"]) => ({ name: "set", args }) as const,
  del: (...args: OpSpec["del"]["args"]) => ({ name: "del", args }) as const,
  incrby: (...args: OpSpec["incrby"]["args"]) => ({ name: "incrby", args }) as const,
  expire: (...args: OpSpec["expire"]["args"]) => ({ name: "expire", args }) as const,
  ttl: (...args: OpSpec["ttl"]["args"]) => ({ name: "ttl", args }) as const,
  hset: (...args: OpSpec["hset"]["args"]) => ({ name: "hset", args }) as const,
  hget: (...args: OpSpec["hget"]["args"]) => ({ name: "hget", args }) as const,
  hgetall: (...args: OpSpec["hgetall"]["args"]) => ({ name: "hgetall", args }) as const,
  hincrby: (...args: OpSpec["hincrby"]["args"]) => ({ name: "hincrby", args }) as const,
  zadd: (...args: OpSpec["zadd"]["args"]) => ({ name: "zadd", args }) as const,
  zincrby: (...args: OpSpec["zincrby"]["args"]) => ({ name: "zincrby", args }) as const,
  zscore: (...args: OpSpec["zscore"]["args"]) => ({ name: "zscore", args }) as const,
  zcard: (...args: OpSpec["zcard"]["args"]) => ({ name: "zcard", args }) as const,
  zcount: (...args: OpSpec["zcount"]["args"]) => ({ name: "zcount", args }) as const,
  zrank: (...args: OpSpec["zrank"]["args"]) => ({ name: "zrank", args }) as const,
  zrange: (...args: OpSpec["zrange"]["args"]) => ({ name: "zrange", args }) as const,
} satisfies { [K in keyof OpSpec]: (...args: OpSpec[K]["args"]) => Extract<Op, { name: K }> };

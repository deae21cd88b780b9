import { z } from "zod";
import { StoreOpError } from "./op-error";
import type { Op, OpName, OpResults, OpSpec, ScoreBound, ScoredMember } from "./types";

/**
 * Ops as Redis command arrays, and raw RESP2-style replies (numbers, strings,
 * null, arrays — what node-redis with RESP 2 and the Upstash REST API both
 * return) back into the typed results. Shared by the redis and vercel-kv
 * adapters and by the Lua script they both run.
 */

export type Command = string[];

/** One entry of a MULTI/EXEC or pipeline answer. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** Redis spells infinities "+inf"/"-inf"; String(Infinity) would be "Infinity". */
function score(value: number): string {
  if (value === Infinity) return "+inf";
  if (value === -Infinity) return "-inf";
  return Number.isNaN(value) ? "nan" : String(value);
}

const bound = (value: ScoreBound): string => (typeof value === "number" ? score(value) : value);

type Encoders = { [K in OpName]: (args: OpSpec[K]["args"]) => Command };

const encoders: Encoders = {
  get: ([key]) => ["GET", key],
  set: ([key, value, options]) => [
    "SET",
    key,
    value,
    ...(options?.ttlSeconds === undefined ? [] : ["EX", String(options.ttlSeconds)]),
    ...(options?.ifAbsent ? ["NX"] : []),
  ],
  del: ([key]) => ["DEL", key],
  incrby: ([key, by]) => ["INCRBY", key, String(by)],
  expire: ([key, seconds]) => ["EXPIRE", key, String(seconds)],
  ttl: ([key]) => ["TTL", key],
  hset: ([key, fields]) => ["HSET", key, ...Object.entries(fields).flat()],
  hget: ([key, field]) => ["HGET", key, field],
  hgetall: ([key]) => ["HGETALL", key],
  hincrby: ([key, field, by]) => ["HINCRBY", key, field, String(by)],
  zadd: ([key, value, member]) => ["ZADD", key, score(value), member],
  zincrby: ([key, by, member]) => ["ZINCRBY", key, score(by), member],
  zscore: ([key, member]) => ["ZSCORE", key, member],
  zcard: ([key]) => ["ZCARD", key],
  zcount: ([key, min, max]) => ["ZCOUNT", key, bound(min), bound(max)],
  zrank: ([key, member, options]) => [options?.reverse ? "ZREVRANK" : "ZRANK", key, member],
  zrange: ([key, start, stop, options]) => [
    "ZRANGE",
    key,
    String(start),
    String(stop),
    ...(options?.reverse ? ["REV"] : []),
    "WITHSCORES",
  ],
};

export function toCommand<K extends OpName>(op: { name: K; args: OpSpec[K]["args"] }): Command {
  return encoders[op.name](op.args);
}

/** Redis replies "inf"/"-inf" for infinite scores, which Number() does not read. */
export function parseScore(text: string): number {
  if (text === "inf" || text === "+inf") return Infinity;
  if (text === "-inf") return -Infinity;
  return Number(text);
}

const integer = z.number().int();
const nullableString = z.string().nullable();
const flatPairs = z.array(z.string()).refine((items) => items.length % 2 === 0, "expected field/value pairs");

function pairs(items: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < items.length; i += 2) result.push([items[i] as string, items[i + 1] as string]);
  return result;
}

type Decoders = { [K in OpName]: (raw: unknown) => OpSpec[K]["result"] };

const decoders: Decoders = {
  get: (raw) => nullableString.parse(raw),
  set: (raw) => nullableString.parse(raw) !== null,
  del: (raw) => integer.parse(raw),
  incrby: (raw) => integer.parse(raw),
  expire: (raw) => integer.parse(raw) === 1,
  ttl: (raw) => integer.parse(raw),
  hset: (raw) => integer.parse(raw),
  hget: (raw) => nullableString.parse(raw),
  hgetall: (raw) => Object.fromEntries(pairs(flatPairs.parse(raw))),
  hincrby: (raw) => integer.parse(raw),
  zadd: (raw) => integer.parse(raw),
  zincrby: (raw) => parseScore(z.string().parse(raw)),
  zscore: (raw) => {
    const text = nullableString.parse(raw);
    return text === null ? null : parseScore(text);
  },
  zcard: (raw) => integer.parse(raw),
  zcount: (raw) => integer.parse(raw),
  zrank: (raw) => integer.nullable().parse(raw),
  zrange: (raw) =>
    pairs(flatPairs.parse(raw)).map(([member, text]): ScoredMember => ({ member, score: parseScore(text) })),
};

export function decodeReply<K extends OpName>(name: K, raw: unknown): OpSpec[K]["result"] {
  return decoders[name](raw);
}

/** Typed results, or the first refused op as a StoreOpError (the others did run). */
export function decodeReplies<const T extends readonly Op[]>(ops: T, replies: readonly Reply[]): OpResults<T> {
  if (replies.length !== ops.length) {
    throw new Error(`store: expected ${ops.length} replies, got ${replies.length}`);
  }
  const results = replies.map((reply, i) => {
    const { name } = ops[i] as Op;
    if (!reply.ok) throw new StoreOpError(i, name, reply.error);
    return decodeReply(name, reply.value);
  });
  // The tuple type cannot follow a map over a generic tuple; each entry was decoded by its own op.
  return results as OpResults<T>;
}

/** `prefix*` as a SCAN MATCH pattern, with the prefix's own glob characters escaped. */
export function globPrefix(prefix: string): string {
  return `${prefix.replace(/[\\*?[\]]/g, "\\$&")}*`;
}

/** Error replies that mean "try again later" rather than "your command is wrong". */
export function isTransientRedisError(message: string): boolean {
  return /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY)\b/.test(message);
}

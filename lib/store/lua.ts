import { createHash } from "node:crypto";
import { z } from "zod";
import { decodeReplies, toCommand, type Command, type Reply } from "./commands";
import type { Guard, GuardedResult, Op } from "./types";

/**
 * `execIf` for Redis and Upstash: one script, so the compare-and-set of the
 * guard key and the ops are atomic and take one round trip.
 *
 * KEYS[1] is the guard key, then every key the ops and limits touch
 * (declared, as Redis asks of scripts). ARGV: "absent" or "equals", the
 * expected value, the new value, the TTL in seconds ("" keeps the current
 * one), the ops, the rate limits.
 *
 * The limits travel as a JSON array of [key, previous key, limit, overlap,
 * TTL] (strings; tonumber reads the overlap back to the same double that
 * String() wrote, so the estimate is the embedded adapter's to the bit).
 * Each is counted, then the first one over refuses everything else.
 *
 * The ops travel as a JSON array of command arrays (all strings, so cjson
 * loses no precision). They run with pcall so that, as in MULTI/EXEC, a
 * refused op does not stop the others; its error is returned rather than
 * raised. Errors are flattened into the reply (index + message) because
 * nested error replies are not portable across clients and the REST API.
 *
 * Reply: {0, current guard value or nil[, index of the refusing limit, 0-based]}
 *     or {1, index of the first failed op (1-based, 0 if none), its message, reply 1, reply 2, …}
 * (a failed op's reply is false, i.e. nil; false keeps the Lua array contiguous).
 */
export const GUARD_SCRIPT = `
local current = redis.call('GET', KEYS[1])
local limits = cjson.decode(ARGV[6])
local refused = nil
for i, limit in ipairs(limits) do
  local count = redis.call('INCRBY', limit[1], 1)
  redis.call('EXPIRE', limit[1], limit[5])
  local previous = tonumber(redis.call('GET', limit[2])) or 0
  if refused == nil and count + previous * tonumber(limit[4]) > tonumber(limit[3]) then
    refused = i - 1
  end
end
if refused ~= nil then
  return {0, current, refused}
end
if (ARGV[1] == 'absent' and current) or (ARGV[1] == 'equals' and current ~= ARGV[2]) then
  return {0, current}
end
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3], 'KEEPTTL')
else
  redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
end
local out = {1, 0, ''}
for i, command in ipairs(cjson.decode(ARGV[5])) do
  local reply = redis.pcall(unpack(command))
  if type(reply) == 'table' and reply.err then
    if out[2] == 0 then
      out[2] = i
      out[3] = reply.err
    end
    reply = false
  end
  out[i + 3] = reply
end
return out
`;

export const GUARD_SCRIPT_SHA = createHash("sha1").update(GUARD_SCRIPT).digest("hex");

/** Sends one command; rejects with an Error whose message is the server's error text. */
export type Send = (command: Command) => Promise<unknown>;

const guardedReply = z.union([
  z.tuple([z.literal(0), z.string().nullable()]).rest(z.number().int()),
  z.tuple([z.literal(1), z.number().int(), z.string()]).rest(z.unknown()),
]);

/** Runs the guard script, by SHA first and by text when the server does not know it yet. */
export async function runGuarded<const T extends readonly Op[]>(
  send: Send,
  guard: Guard,
  ops: T,
): Promise<GuardedResult<T>> {
  const limits = guard.limits ?? [];
  const keys = [
    ...new Set([guard.key, ...limits.flatMap((limit) => [limit.key, limit.previousKey]), ...ops.map((op) => op.args[0])]),
  ];
  const tail = [
    String(keys.length),
    ...keys,
    guard.expect === null ? "absent" : "equals",
    guard.expect ?? "",
    guard.value,
    guard.ttlSeconds === undefined ? "" : String(guard.ttlSeconds),
    JSON.stringify(ops.map((op) => toCommand(op))),
    JSON.stringify(
      limits.map(({ key, previousKey, limit, overlap, ttlSeconds }) => [key, previousKey, String(limit), String(overlap), String(ttlSeconds)]),
    ),
  ];
  let raw: unknown;
  try {
    raw = await send(["EVALSHA", GUARD_SCRIPT_SHA, ...tail]);
  } catch (error) {
    if (!(error instanceof Error && error.message.includes("NOSCRIPT"))) throw error;
    raw = await send(["EVAL", GUARD_SCRIPT, ...tail]);
  }
  return decodeGuarded(ops, raw);
}

function decodeGuarded<const T extends readonly Op[]>(ops: T, raw: unknown): GuardedResult<T> {
  const reply = guardedReply.parse(raw);
  if (reply[0] === 0) {
    const [, current, refusedBy] = reply;
    return refusedBy === undefined ? { applied: false, current } : { applied: false, current, refusedBy };
  }
  const [, failedAt, message, ...values] = reply;
  const replies = values.map(
    (value, i): Reply => (i + 1 === failedAt ? { ok: false, error: message } : { ok: true, value }),
  );
  return { applied: true, results: decodeReplies(ops, replies) };
}

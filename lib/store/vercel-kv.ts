import { VercelKV } from "@vercel/kv";
import { z } from "zod";
import { isTransientRedisError, type Command, type Reply } from "./commands";
import { createRemoteStore } from "./remote";
import type { Store } from "./types";

/**
 * The @vercel/kv client, plus a way to send raw command arrays: to "/" (what
 * `kv.eval()` and friends send) and to "/multi-exec" (what `kv.multi().exec()`
 * sends). Going raw lets this adapter share command encoding and reply
 * decoding with the node-redis one instead of mapping every op onto the typed
 * pipeline methods a second time. Encoding, auth, base64 decoding and the
 * request timeout stay the client's own.
 */
class RawVercelKV extends VercelKV {
  post(path: string[], body: Command | Command[]): Promise<unknown> {
    return this.client.request({ path, body });
  }
}

const single = z.object({ result: z.unknown(), error: z.string().optional() });
const many = z.array(single);

/** An error reply inside a 200 answer (Upstash puts command errors there in pipelines). */
class KvReplyError extends Error {
  override name = "KvReplyError";
}

export async function openVercelKvStore(
  config: { url: string; token: string },
  options: { timeoutMs: number },
): Promise<Store> {
  const kv = new RawVercelKV({
    url: config.url,
    token: config.token,
    automaticDeserialization: false,
    // Same fetch cache mode as @vercel/kv's createClient, which recommends it under Next.js.
    cache: "default",
    // Each exec is already one request; batching unrelated calls would blur timeouts and errors.
    enableAutoPipelining: false,
    // A retry loop would turn an outage into a long hang; the route answers 503 and the user retries.
    retry: { retries: 0 },
    signal: () => AbortSignal.timeout(options.timeoutMs),
  });

  return createRemoteStore("vercel-kv", {
    async send(command) {
      const { result, error } = single.parse(await kv.post([], command));
      if (error !== undefined) throw new KvReplyError(error);
      return result;
    },

    async sendMulti(commands) {
      return many
        .parse(await kv.post(["multi-exec"], commands))
        .map(({ result, error }): Reply => (error === undefined ? { ok: true, value: result } : { ok: false, error }));
    },

    // Plain HTTPS requests: nothing to close.
    close: async () => undefined,
  });
}

/** A Redis error reply starts with its code in capitals: "ERR …", "WRONGTYPE …", "NOSCRIPT …". */
const REDIS_ERROR_REPLY = /^[A-Z][A-Z_]+ /;

/** Network failure, timeout, or an HTTP error that is not a Redis reply (proxy page, 5xx, auth). */
export function isVercelKvUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  switch (error.name) {
    case "AbortError":
    case "TimeoutError":
    case "UpstashJSONParseError":
      return true;
    case "KvReplyError":
    case "UpstashError":
      return !REDIS_ERROR_REPLY.test(error.message) || isTransientRedisError(error.message);
    default:
      // undici reports refused/reset connections and DNS failures as TypeError("fetch failed").
      return error instanceof TypeError && error.message === "fetch failed";
  }
}

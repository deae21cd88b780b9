import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, ErrorReply, MultiErrorReply } from "redis";
import { z } from "zod";

/**
 * Test-only stand-in for the Upstash REST API, backed by a real Redis, so the
 * vercel-kv adapter runs its real client (@vercel/kv → @upstash/redis → fetch).
 *
 * Protocol, as @upstash/redis uses it:
 *   POST /            body ["CMD", …args]       → {"result": …}  (400 {"error"} on an error reply)
 *   POST /pipeline    body [["CMD", …], …]      → [{"result"} | {"error"}, …]
 *   POST /multi-exec  same, inside MULTI/EXEC
 *   Authorization: Bearer <token>, else 401.
 *   With "Upstash-Encoding: base64" (the client's default) every string in a
 *   result is base64, except the status "OK", which the client leaves as is;
 *   numbers and null stay as they are, arrays are encoded element by element.
 */

const command = z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).min(1);
const commands = z.array(command);

type RedisClient = ReturnType<typeof createClient>;

export interface UpstashBridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startUpstashBridge(redisUrl: string, token: string): Promise<UpstashBridge> {
  const redis: RedisClient = createClient({ url: redisUrl, RESP: 2 });
  redis.on("error", () => undefined); // reported through the failing requests instead
  await redis.connect();

  const server = createServer((request, response) => {
    handle(redis, token, request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async close() {
      await closeServer(server);
      await redis.close();
    },
  };
}

async function handle(redis: RedisClient, token: string, request: IncomingMessage, response: ServerResponse) {
  if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: "Unauthorized" });
  if (request.method !== "POST") return send(response, 405, { error: "Method not allowed" });

  const encode = request.headers["upstash-encoding"] === "base64" ? toBase64 : (value: unknown) => value;
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    return send(response, 400, { error: "ERR invalid JSON body" });
  }

  const path = new URL(request.url ?? "/", "http://bridge").pathname.replace(/\/+$/, "");
  try {
    if (path === "") {
      return send(response, 200, { result: encode(await redis.sendCommand(command.parse(body))) });
    }
    if (path === "/pipeline") {
      const replies = await Promise.all(commands.parse(body).map((args) => redis.sendCommand(args).catch(asReply)));
      return send(response, 200, replies.map((reply) => entry(reply, encode)));
    }
    if (path === "/multi-exec") {
      const multi = redis.multi();
      commands.parse(body).forEach((args) => multi.addCommand(args));
      const replies = await multi.exec().catch((error: unknown) => {
        if (error instanceof MultiErrorReply) return error.replies;
        throw error;
      });
      return send(response, 200, replies.map((reply) => entry(reply, encode)));
    }
    return send(response, 404, { error: `ERR unknown path ${path}` });
  } catch (error) {
    if (error instanceof ErrorReply || error instanceof z.ZodError) {
      return send(response, 400, { error: error.message });
    }
    throw error;
  }
}

/** Keeps an error reply as a value, so one failing pipeline command does not fail the others. */
const asReply = (error: unknown) => {
  if (error instanceof ErrorReply) return error;
  throw error;
};

function entry(reply: unknown, encode: (value: unknown) => unknown) {
  return reply instanceof ErrorReply ? { error: reply.message } : { result: encode(reply) };
}

function toBase64(value: unknown): unknown {
  if (typeof value === "string") return value === "OK" ? value : Buffer.from(value, "utf8").toString("base64");
  if (Array.isArray(value)) return value.map(toBase64);
  return value;
}

function send(response: ServerResponse, status: number, payload: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(payload));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

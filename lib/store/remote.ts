import { z } from "zod";
import { decodeReplies, globPrefix, toCommand, type Command, type Reply } from "./commands";
import { runGuarded, type Send } from "./lua";
import { assertOpsShape } from "./op-error";
import type { Store, StoreKind } from "./types";

/** What the redis and vercel-kv adapters differ in: how a command reaches the server. */
export interface RedisTransport {
  send: Send;
  /** The commands inside MULTI/EXEC, one round trip; per-command errors come back as entries. */
  sendMulti(commands: Command[]): Promise<Reply[]>;
  close(): Promise<void>;
}

const scanReply = z.tuple([z.union([z.string(), z.number()]).transform(String), z.array(z.string())]);

/** A Store over any Redis-speaking transport. */
export function createRemoteStore(kind: StoreKind, transport: RedisTransport): Store {
  return {
    kind,

    async exec(ops) {
      assertOpsShape(ops);
      if (ops.length === 0) return decodeReplies(ops, []);
      return decodeReplies(ops, await transport.sendMulti(ops.map((op) => toCommand(op))));
    },

    async execIf(guard, ops) {
      assertOpsShape(ops);
      return runGuarded(transport.send, guard, ops);
    },

    async ping() {
      await transport.send(["PING"]);
    },

    async keys(prefix) {
      const found = new Set<string>();
      let cursor = "0";
      do {
        const [next, page] = scanReply.parse(
          await transport.send(["SCAN", cursor, "MATCH", globPrefix(prefix), "COUNT", "1000"]),
        );
        page.forEach((key) => found.add(key));
        cursor = next;
      } while (cursor !== "0");
      return [...found].sort();
    },

    close: () => transport.close(),
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { freePort, REDIS_SERVER, waitForPing } from "../../tests/support/global-setup";

/**
 * Redis for the bench's entries: a redis-server of their own, and the
 * checks for one the bench is given (REDIS_URL).
 */

export interface RedisOptions {
  /**
   * `appendonly yes` with `appendfsync always`: every write Redis has
   * acknowledged is on disk before the reply, so a SIGKILL loses nothing the
   * app was told succeeded. (The default, `everysec`, may lose the last
   * second; RDB snapshots alone lose everything since the last one.)
   * Otherwise nothing is written to disk.
   */
  durable: boolean;
}

/** A throwaway redis-server on a free port, that can be killed and brought back on the same port with its data. */
export class RedisServer {
  private server: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly options: RedisOptions,
  ) {}

  static async start(options: RedisOptions): Promise<RedisServer> {
    const redis = new RedisServer(await freePort(), mkdtempSync(path.join(tmpdir(), "bench-redis-")), options);
    try {
      await redis.restart();
    } catch (error) {
      await redis.stop();
      throw error;
    }
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and data directory; resolves once it answers PING. */
  async restart(): Promise<void> {
    const persistence = this.options.durable ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--save", "", ...persistence];
    this.server = spawn(REDIS_SERVER, args, { stdio: "ignore" });
    await waitForPing(this.url, this.server);
  }

  /** SIGKILL: no shutdown, no final save; only what was fsynced survives. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** SIGSTOP: connections stay open and nothing answers, as on a stalled host; resume() lets it go on. */
  pause(): void {
    this.server?.kill("SIGSTOP");
  }

  resume(): void {
    this.server?.kill("SIGCONT");
  }

  async stop(): Promise<void> {
    await this.signal("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      server.once("exit", () => resolve());
      server.kill(signal);
    });
  }
}

/*
 * A Redis the bench is given must be throwaway: the bench fills it with a
 * million attempts' counters and many quizzes. It uses the database in
 * REDIS_URL and the next one (the growth figures compare two stores), refuses
 * either if it holds anything, and empties both at the end — safe, since
 * everything in them is then its own.
 */

const clientFor = (url: string) => createClient({ url });

async function withClient(url: string, task: (client: ReturnType<typeof clientFor>) => Promise<void>): Promise<void> {
  const client = clientFor(url);
  await client.connect();
  try {
    await task(client);
  } finally {
    await client.close();
  }
}

export async function assertEmpty(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const size = await client.dbSize();
    if (size > 0) {
      throw new Error(
        `REDIS_URL points at a database holding ${size} keys. The bench writes and then deletes a lot of data: ` +
          "point it at an empty database of its own, e.g. redis://127.0.0.1:6379/14 (the bench also uses the next one, 15).",
      );
    }
  });
}

/** Empties the bench's own database (checked empty before the bench wrote to it). */
export async function empty(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.flushDb();
  });
}

/** The same server's next database: redis://host:6379/14 → redis://host:6379/15. */
export function nextDatabase(url: string): string {
  const parsed = new URL(url);
  const index = Number(parsed.pathname.slice(1) || "0");
  parsed.pathname = `/${index + 1}`;
  return parsed.toString();
}

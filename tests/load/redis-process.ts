import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, REDIS_SERVER, waitForPing } from "../support/global-setup";

/**
 * A redis-server for the outage run, that can be killed and brought back
 * on the same port with its data.
 *
 * Persistence: `appendonly yes` with `appendfsync always`, so every write
 * Redis has acknowledged is on disk before the reply, and a SIGKILL loses
 * nothing the app was told succeeded. (The default, `everysec`, may lose
 * the last second; RDB snapshots alone lose everything since the last one.)
 */
export class KillableRedis {
  private server: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<KillableRedis> {
    const redis = new KillableRedis(await freePort(), mkdtempSync(path.join(tmpdir(), "load-redis-")));
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and data directory; resolves once it answers PING. */
  async restart(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--save", ""];
    this.server = spawn(REDIS_SERVER, [...args, "--appendonly", "yes", "--appendfsync", "always"], { stdio: "ignore" });
    await waitForPing(this.url, this.server);
  }

  /** SIGKILL: no shutdown, no final save; only what was fsynced survives. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
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

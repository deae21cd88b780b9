import { Agent, request } from "node:http";

/**
 * A plain HTTP client for the load and chaos runs: node:http with an agent of
 * many sockets, so thousands of requests are in flight at once, and each
 * request's status, latency and start/end times on one clock.
 *
 * One connection per request, as a crowd of phones would open: reusing
 * idle keep-alive sockets races the server closing them (ECONNRESET on a
 * POST, which is not retried), which would be the client's fault, not the
 * app's.
 */

export interface Sent {
  /** HTTP status, or 0 when no response came (refused, reset, timed out). */
  status: number;
  /** `performance.now()` when the request got its connection, and at the end of the response. */
  start: number;
  end: number;
  ms: number;
  retryAfter: string | undefined;
  body: string;
  /** Why no response came. */
  error: string | undefined;
}

export interface LoadClient {
  send(method: "GET" | "POST", path: string, options?: { json?: unknown; headers?: Record<string, string> }): Promise<Sent>;
  close(): void;
}

/**
 * A response slower than this counts as no response (status 0). Generous:
 * with 10,000 requests queued on a busy two-core machine, the last ones
 * are answered minutes later, and that is queueing, not a lost request.
 */
const REQUEST_TIMEOUT_MS = 600_000;

export function loadClient(baseUrl: string, connections: number): LoadClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: false, maxSockets: connections });
  return {
    send(method, path, options = {}) {
      const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
      const headers: Record<string, string> = { ...options.headers };
      if (payload !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = String(Buffer.byteLength(payload));
      }
      // From when the request gets its connection: time spent queued in this client is not the app's.
      let start = performance.now();
      return new Promise<Sent>((resolve) => {
        const done = (status: number, body: string, retryAfter: string | undefined, error: string | undefined) => {
          const end = performance.now();
          resolve({ status, start, end, ms: end - start, retryAfter, body, error });
        };
        const req = request(
          { host: base.hostname, port: base.port, path, method, headers, agent, timeout: REQUEST_TIMEOUT_MS },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
              const retryAfter = res.headers["retry-after"];
              done(res.statusCode ?? 0, Buffer.concat(chunks).toString(), retryAfter, undefined);
            });
            res.on("error", (error) => done(0, "", undefined, error.message));
          },
        );
        req.once("socket", () => (start = performance.now()));
        req.on("timeout", () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)));
        req.on("error", (error) => done(0, "", undefined, error.message));
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Runs `task` over `items` with at most `limit` at a time; results in input order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";

/**
 * An oversized upload as a script would send it, and the server's memory
 * while it arrives: for the chaos run's check that a body is never read
 * past the limit.
 */

export interface Upload {
  /** HTTP status, or 0 when the connection ended without one. */
  status: number;
  /** Where a redirect points (a refused form post goes back to its page). */
  location: string | undefined;
  /** Body bytes written before the server answered or closed the connection. */
  sentBytes: number;
  ms: number;
  error: string | undefined;
}

/**
 * POSTs `totalBytes` in `chunkBytes` chunks with no Content-Length (so
 * node:http sends `Transfer-Encoding: chunked`), waiting for the socket to
 * drain between chunks. Stops writing as soon as a response or an error
 * arrives: what the server read is then at most what was sent.
 */
export function chunkedUpload(
  baseUrl: string,
  path: string,
  options: { totalBytes: number; chunkBytes: number; contentType: string },
): Promise<Upload> {
  const base = new URL(baseUrl);
  const chunk = Buffer.alloc(options.chunkBytes, "a");
  const started = performance.now();
  return new Promise<Upload>((resolve) => {
    let sentBytes = 0;
    let settled = false;
    const finish = (status: number, location?: string, error?: string) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ status, location, sentBytes, ms: performance.now() - started, error });
    };
    const req = request(
      { host: base.hostname, port: base.port, path, method: "POST", headers: { "content-type": options.contentType }, agent: false },
      (res) => {
        res.resume();
        finish(res.statusCode ?? 0, res.headers.location);
      },
    );
    req.on("error", (error) => finish(0, undefined, error.message));
    const write = () => {
      while (!settled && sentBytes < options.totalBytes) {
        sentBytes += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!settled) req.end();
    };
    write();
  });
}

/** The resident memory of a process and every process in its group (`next start` and any workers), from /proc. */
export function groupRssBytes(groupId: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command's closing parenthesis: state, ppid, pgrp…
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupId) continue;
      const rss = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process exited while being read.
    }
  }
  return total;
}

/** Samples `read()` every `everyMs` until `stop()` is called; returns the samples. */
export function sampleEvery(everyMs: number, read: () => number): { stop: () => number[] } {
  const samples = [read()];
  const timer = setInterval(() => samples.push(read()), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(read());
      return samples;
    },
  };
}

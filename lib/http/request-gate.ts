import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { NOTHING_ALLOWED_POLICY, SECURITY_HEADERS } from "@/lib/security/response-headers.js";

/**
 * Answers, before Next sees them, the requests Next itself would turn into
 * a bare 500 with no security headers and a stack trace in the log:
 *
 * - TRACE and TRACK, methods the Fetch standard forbids: Next's proxy and
 *   route handlers build a `Request` from every request, and that throws
 *   for these (`'TRACE' HTTP method is unsupported`). 405.
 * - A path with broken percent-encoding (`/quiz/play/%C0%AF`): Next's router
 *   fails to decode it and then looks for a `/400` page the App Router does
 *   not have. 400.
 *
 * Only `next start` (a Node server) needs this; a platform's own edge
 * refuses such requests before they reach the app. Installed once at start
 * (instrumentation.ts): on a server's first request, Node publishes
 * `http.server.request.start` just before it emits "request", so the
 * server's handlers can be put behind the gate in time.
 */
export function gateRequestsBeforeNext(): void {
  const installed = Symbol.for("trump-kim.request-gate");
  const flags = globalThis as { [installed]?: true };
  if (flags[installed]) return;
  flags[installed] = true;
  const gated = new WeakSet<Server>();
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (gated.has(server)) return;
    gated.add(server);
    const handlers = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners("request");
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      if (refused(request, response)) return;
      for (const handler of handlers) handler.call(server, request, response);
    });
  });
}

/** Methods a `Request` cannot carry (fetch's forbidden methods that reach a server's "request" handler). */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK"]);

/** Whether the request was answered here. */
function refused(request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (FORBIDDEN_METHODS.has(request.method ?? "")) {
    answer(response, 405, "This method is not supported.", { Allow: path.startsWith("/api/") ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD" });
    return true;
  }
  if (!decodable(path)) {
    answer(response, 400, "This address is not valid: it has a broken percent-encoding (a % not followed by a valid UTF-8 sequence).");
    return true;
  }
  return false;
}

/** Whether every segment decodes, as Next's router decodes them. */
function decodable(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function answer(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", NOTHING_ALLOWED_POLICY);
  response.setHeader("Cache-Control", "no-store");
  for (const [key, value] of Object.entries(extra)) response.setHeader(key, value);
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${text}\n`);
}

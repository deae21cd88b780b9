import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * Makes the server append the address of the peer it is connected to to
 * X-Forwarded-For, as a proxy does (nginx's $proxy_add_x_forwarded_for),
 * before Next sees the request. Next itself only fills the header when it
 * is absent and keeps a client's own value, and a route handler cannot reach
 * the socket; with this, the last entry is always the socket's and
 * ./client-address.ts can count proxy hops from the right.
 *
 * Node publishes `http.server.request.start` synchronously, just before the
 * server's "request" event; called once at start (instrumentation.ts).
 */
export function appendPeerAddressToForwardedFor(): void {
  // Once per process, even if the start hook runs again (development reloads): one appended entry per hop.
  const installed = Symbol.for("trump-kim.peer-address");
  const flags = globalThis as { [installed]?: true };
  if (flags[installed]) return;
  flags[installed] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // No address (a socket already gone): an entry that is not an IP, which counts as the shared "unknown" client.
    const peer = socket.remoteAddress ?? "unknown";
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  });
}

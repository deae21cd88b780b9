import { isIP } from "node:net";
import { env, type ClientAddressSource } from "@/lib/env";

/**
 * Who is asking, for per-client limits. Where the address comes from is
 * configuration (lib/env.ts), never the client's word:
 *
 * - On Vercel, its edge writes the client's address into its own headers and
 *   overwrites whatever the client sent.
 * - Elsewhere the server appends the address of the peer it is connected to,
 *   as a proxy would (./peer-address.ts), so the last X-Forwarded-For entry is
 *   always the socket's. TRUSTED_PROXY_HOPS (default 0) says how many entries
 *   before it were appended by proxies the operator runs: with 0 the socket
 *   address is used and a forged header is ignored; with 1 (one nginx in
 *   front), the entry nginx appended.
 *
 * Anything that is not an IP address counts as one shared "unknown" client,
 * so junk values cannot each become a fresh subject. IPv6 clients count by
 * /64, the block one household or phone gets, so rotating addresses within
 * it buys nothing.
 */
export const UNKNOWN_CLIENT = "unknown";

export function clientSubject(headers: Headers, source: ClientAddressSource = env().clientAddress): string {
  return subjectOf(source.from === "vercel" ? vercelAddress(headers) : forwardedAddress(headers, source.trustedProxyHops));
}

/** Vercel's own header, which a proxy in front of Vercel cannot overwrite; x-real-ip holds the same. */
function vercelAddress(headers: Headers): string | undefined {
  return (headers.get("x-vercel-forwarded-for") ?? headers.get("x-real-ip"))?.split(",")[0];
}

/** The entry `hops` places left of the last (the socket's). */
function forwardedAddress(headers: Headers, hops: number): string | undefined {
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  return entries[entries.length - 1 - hops];
}

function subjectOf(raw: string | undefined): string {
  const address = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") ?? "";
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
    default:
      return UNKNOWN_CLIENT;
  }
}

/** "2001:db8::1" → its eight groups, so "/64" means the same block however it was written. */
function expandIpv6(address: string): string[] {
  const [head = "", tail = ""] = address.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

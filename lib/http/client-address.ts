/**
 * Who is asking, for per-client limits: the address the nearest proxy saw.
 * Vercel and a reverse proxy set X-Forwarded-For (the last entry is the one
 * the nearest proxy appended); `next start` fills it from the socket when
 * absent. IPv6 clients count by /64, the block one household or phone gets,
 * so rotating addresses within it buys nothing.
 *
 * Limitation: a server exposed directly, without a proxy, cannot tell a
 * forged X-Forwarded-For from a real one; deploy behind one (Vercel is).
 */
export function clientSubject(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  if (!address.includes(":") || address.startsWith("::ffff:")) return address.replace(/^::ffff:/, "");
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

/** "2001:db8::1" → its eight groups, so "/64" means the same block however it was written. */
function expandIpv6(address: string): string[] {
  const [head = "", tail = ""] = address.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

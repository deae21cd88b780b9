import { request as httpRequest, createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientSubject, UNKNOWN_CLIENT } from "@/lib/http/client-address";
import { appendPeerAddressToForwardedFor } from "@/lib/http/peer-address";

const direct = { from: "forwarded-for", trustedProxyHops: 0 } as const;
const oneProxy = { from: "forwarded-for", trustedProxyHops: 1 } as const;
const vercel = { from: "vercel" } as const;
const headers = (values: Record<string, string>) => new Headers(values);

describe("where the client address comes from", () => {
  it("is configured: the socket by default, N proxies with TRUSTED_PROXY_HOPS, Vercel's header on Vercel", () => {
    expect(parseEnv({}).clientAddress).toEqual(direct);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).clientAddress).toEqual(oneProxy);
    expect(parseEnv({ VERCEL: "1", KV_REST_API_URL: "https://kv.example.com", KV_REST_API_TOKEN: "t" }).clientAddress).toEqual(vercel);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("reached directly, is the socket's entry (the last): whatever the client wrote before it is ignored", () => {
    expect(clientSubject(headers({ "x-forwarded-for": "203.0.113.9" }), direct)).toBe("203.0.113.9");
    expect(clientSubject(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), direct)).toBe("198.51.100.7");
    expect(clientSubject(headers({ "x-forwarded-for": "garbage-1, 198.51.100.7", "x-real-ip": "1.2.3.4" }), direct)).toBe("198.51.100.7");
  });

  it("behind one proxy, is the entry that proxy appended, left of the socket's", () => {
    expect(clientSubject(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" }), oneProxy)).toBe("203.0.113.9");
    // Fewer entries than hops: nothing trustworthy, so the shared unknown subject.
    expect(clientSubject(headers({ "x-forwarded-for": "10.0.0.2" }), oneProxy)).toBe(UNKNOWN_CLIENT);
  });

  it("on Vercel, is Vercel's own header, never the X-Forwarded-For a proxy in front could write", () => {
    expect(clientSubject(headers({ "x-vercel-forwarded-for": "203.0.113.9", "x-forwarded-for": "1.2.3.4" }), vercel)).toBe("203.0.113.9");
    expect(clientSubject(headers({ "x-real-ip": "198.51.100.8", "x-forwarded-for": "1.2.3.4" }), vercel)).toBe("198.51.100.8");
    expect(clientSubject(headers({ "x-forwarded-for": "1.2.3.4" }), vercel)).toBe(UNKNOWN_CLIENT);
  });

  it("is an IP address or the one shared unknown subject, never a fresh subject per junk value", () => {
    for (const junk of ["garbage-1", "garbage-2", "", "1.2.3.4:5678", "999.1.1.1", "localhost", "<script>", "1.2.3"]) {
      expect(clientSubject(headers({ "x-forwarded-for": junk }), direct)).toBe(UNKNOWN_CLIENT);
    }
    expect(clientSubject(headers({}), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientSubject(headers({ "x-forwarded-for": "::ffff:192.0.2.1" }), direct)).toBe("192.0.2.1");
  });

  it("counts an IPv6 client by its /64, however the address is written", () => {
    const a = clientSubject(headers({ "x-forwarded-for": "2001:db8:0:1::5" }), direct);
    const b = clientSubject(headers({ "x-forwarded-for": "2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd" }), direct);
    expect(a).toBe("2001:db8:0:1::/64");
    expect(b).toBe(a);
  });
});

describe("the server's own entry", () => {
  it("appends the socket's address to X-Forwarded-For before any handler sees the request", async () => {
    appendPeerAddressToForwardedFor();
    appendPeerAddressToForwardedFor(); // installed once however often the start hook runs
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers["x-forwarded-for"] as string | undefined);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (extra: IncomingHttpHeaders) =>
      new Promise<void>((resolve, reject) => {
        const request = httpRequest({ host: "127.0.0.1", port, headers: extra }, (response) => response.resume().on("end", resolve));
        request.on("error", reject).end();
      });
    try {
      await send({});
      await send({ "x-forwarded-for": "203.0.113.9" });
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "203.0.113.9, 127.0.0.1"]);
    expect(clientSubject(headers({ "x-forwarded-for": seen[1] ?? "" }), direct)).toBe("127.0.0.1");
  });
});

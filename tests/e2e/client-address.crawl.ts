import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { JOIN_CODE_ALPHABET } from "../../lib/classroom/code";
import { joinPath } from "../../lib/classroom/paths";

/**
 * Per-client limits count the address the server is connected to, not one
 * the client writes in X-Forwarded-For (lib/http/client-address.ts): against
 * `next start` reached directly (TRUSTED_PROXY_HOPS unset), a client that
 * forges a new header on every request is limited all the same.
 *
 * The requests come from 127.0.0.2 (Linux routes all of 127/8 to loopback),
 * so the limits used up here are not the ones the other specs' browsers on
 * 127.0.0.1 count against.
 */

/** CLASSROOM_RATE_LIMITS.wrongCodes in lib/classroom/limits.ts (which imports the store, so not loaded here). */
const WRONG_CODES_PER_CLIENT = 60;

/** GET `path` from `localAddress`, with `headers`; the body as text. */
function getFrom(baseURL: string, localAddress: string, path: string, headers: Record<string, string>): Promise<string> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(body));
    });
    request.on("error", reject).end();
  });
}

test("wrong join codes under a new forged X-Forwarded-For each time are still refused after the limit", async ({ baseURL }) => {
  test.slow();
  const limit = WRONG_CODES_PER_CLIENT;
  let refused = 0;
  for (let i = 0; i < limit + 10; i += 1) {
    // Valid but unused codes; half the forged headers look like addresses, half are junk.
    const code = `ZZZZ${i.toString(JOIN_CODE_ALPHABET.length).padStart(4, "0").replace(/./g, (digit) => JOIN_CODE_ALPHABET[parseInt(digit, 30)] ?? "")}`;
    const forged = i % 2 === 0 ? `198.51.${Math.floor(i / 250)}.${i % 250}` : `garbage-${i}`;
    const html = await getFrom(baseURL ?? "", "127.0.0.2", joinPath(code), { "x-forwarded-for": forged, "x-real-ip": forged });
    if (html.includes("Too many wrong codes")) refused += 1;
  }
  expect(refused, `of ${limit + 10} wrong codes, those refused`).toBeGreaterThanOrEqual(10);
});

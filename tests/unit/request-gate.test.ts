import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateRequestsBeforeNext } from "@/lib/http/request-gate";
import { securityHeaderProblems } from "../support/security-headers";

/**
 * What Next answers with a bare 500 and a stack trace in the log (TRACE,
 * a path with broken percent-encoding) is answered before it, with the
 * security headers (lib/http/request-gate.ts). Here a plain Node server
 * stands in for `next start`: its handler must never see these requests.
 * The production build is checked by tests/e2e/odd-requests.crawl.ts.
 */

let server: Server;
let port: number;
const seen: string[] = [];

beforeAll(async () => {
  gateRequestsBeforeNext();
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.end("handled");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string): Promise<{ status: number; headers: Headers; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      const headers = new Headers();
      for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? "");
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, headers, body }));
    });
    req.on("error", reject).end();
  });
}

describe("requests answered before Next", () => {
  it("passes ordinary requests on, unchanged", async () => {
    expect((await send("GET", "/quiz/play/abc?x=%C0")).body).toBe("handled");
    expect((await send("POST", "/api/quiz/attempts")).body).toBe("handled");
    expect(seen).toEqual(["GET /quiz/play/abc?x=%C0", "POST /api/quiz/attempts"]);
  });

  it("answers TRACE with 405, Allow and the security headers", async () => {
    for (const path of ["/", "/api/health"]) {
      const answer = await send("TRACE", path);
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toContain("GET");
      expect(securityHeaderProblems(answer.headers, "resource")).toEqual([]);
    }
  });

  it("answers a path with broken percent-encoding with 400 and the security headers", async () => {
    for (const path of ["/quiz/play/%C0%AF", "/api/quiz/attempts/%C0%AF/answers", "/classroom/join/%E0%A4%A"]) {
      const answer = await send("GET", path);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/percent-encoding/);
      expect(securityHeaderProblems(answer.headers, "resource")).toEqual([]);
    }
    expect(seen).toHaveLength(2);
  });
});

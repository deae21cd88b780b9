import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { securityHeaderProblems, type ResponseKind } from "../support/security-headers";

/**
 * Requests no browser sends, against the production build (issue 20,
 * item 8): methods the site does not support, ids with broken
 * percent-encoding, and paths near the icon and image optimiser that do not
 * exist. Each is a 4xx carrying the security headers, never a 500.
 *
 * Sent with node:http, byte for byte: a higher-level client would refuse
 * TRACE or re-encode the paths.
 */

interface Answer {
  status: number;
  headers: Headers;
}

function send(baseURL: string, method: string, path: string): Promise<Answer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, method, path }, (response) => {
      const headers = new Headers();
      for (let i = 0; i < response.rawHeaders.length; i += 2) headers.append(response.rawHeaders[i] ?? "", response.rawHeaders[i + 1] ?? "");
      response.resume().on("end", () => resolve({ status: response.statusCode ?? 0, headers }));
    });
    request.on("error", reject).end();
  });
}

const expectHeaders = (label: string, answer: Answer, kind: ResponseKind) => expect(securityHeaderProblems(answer.headers, kind), label).toEqual([]);

test("TRACE, and methods pages do not take, answer 405 with Allow and the security headers", async ({ baseURL }) => {
  for (const path of ["/", "/quiz", "/classroom/join", "/api/health", "/api/quiz/attempts", "/og/classroom/ZZZZZZZZ", "/no-such-page"]) {
    const answer = await send(baseURL ?? "", "TRACE", path);
    expect(answer.status, `TRACE ${path}`).toBe(405);
    expect(answer.headers.get("allow"), `TRACE ${path}`).toMatch(/GET/);
    expectHeaders(`TRACE ${path}`, answer, "resource");
  }
  // A page rendered per request used to render for any method (PROPFIND /quiz: 200), or fail (OPTIONS: 400).
  for (const method of ["PATCH", "PUT", "DELETE", "OPTIONS", "PROPFIND", "POST"]) {
    for (const path of ["/quiz", "/classroom/join", "/"]) {
      const answer = await send(baseURL ?? "", method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.get("allow"), `${method} ${path}`).toMatch(/^GET, ?HEAD$/);
      expectHeaders(`${method} ${path}`, answer, "resource");
    }
  }
});

test("an id with broken percent-encoding is a 4xx with the security headers", async ({ baseURL }) => {
  for (const path of [
    "/quiz/play/%C0%AF",
    "/quiz/results/%C0%AF",
    "/classroom/join/%E0%A4%A",
    "/explainers/%C0%AF",
    "/api/quiz/attempts/%C0%AF/answers",
    "/api/classroom/sessions/%C0%AF/state",
    "/og/classroom/%C0%AF",
    "/og/result/%C0%AF",
  ]) {
    for (const method of ["GET", "POST"]) {
      const answer = await send(baseURL ?? "", method, path);
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      expectHeaders(`${method} ${path}`, answer, "resource");
    }
  }
});

test("every 404, under /favicon.ico, /_next/image and /_next/static too, carries a Content-Security-Policy", async ({ baseURL }) => {
  for (const path of ["/favicon.ico", "/favicon.ico/x", "/favicon.icox", "/_next/image/x", "/_next/imagex", "/_next/image"]) {
    const answer = await send(baseURL ?? "", "GET", path);
    expect(answer.status, path).toBeGreaterThanOrEqual(400);
    expectHeaders(path, answer, "page");
  }
  const asset = await send(baseURL ?? "", "GET", "/_next/static/no-such-chunk.js");
  expect(asset.status).toBe(404);
  expectHeaders("/_next/static/no-such-chunk.js", asset, "resource");
});

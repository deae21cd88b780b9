import { expect, test } from "@playwright/test";
import { leaks, reachQuestion } from "./answer-support";

test("the answer key never reaches the browser before a question is answered", async ({ request }) => {
  const start = await request.post("/api/quiz/attempts", { data: { length: 20 } });
  expect(start.status()).toBe(201);
  const started = await start.json();
  expect(leaks(JSON.stringify(started))).toEqual([]);

  const html = await (await request.get(started.href)).text();
  expect(leaks(html)).toEqual([]);
  const rsc = await (await request.get(started.href, { headers: { RSC: "1" } })).text();
  expect(rsc.length).toBeGreaterThan(100);
  expect(leaks(rsc)).toEqual([]);

  const scripts = new Set<string>();
  for (const page of ["/", "/quiz", started.href]) {
    const body = await (await request.get(page)).text();
    for (const [, src] of body.matchAll(/<script[^>]+src="([^"]+)"/g)) if (src) scripts.add(src);
  }
  expect(scripts.size).toBeGreaterThan(0);
  for (const src of scripts) {
    const js = await (await request.get(src)).text();
    expect(leaks(js), src).toEqual([]);
  }
});

test("an estimate's page holds its range and unit, never its figure", async ({ request }) => {
  const { question, href, html } = await reachQuestion(request, (candidate) => candidate.kind === "estimate");
  expect(html).toContain(`max="${question.range?.max ?? ""}"`);
  const rsc = await (await request.get(href, { headers: { RSC: "1" } })).text();
  for (const text of [html, rsc]) {
    expect(leaks(text)).toEqual([]);
    expect(text).not.toContain(`"answer":${String(question.answer)}`);
  }
});

import { expect, test, type APIRequestContext } from "@playwright/test";
import { api } from "../../lib/classroom/paths";
import { leaks } from "./answer-support";
import { networkOfItsOwn } from "./support";

/**
 * The live classroom's shared state (GET …/live): one answer for the whole
 * class, so a CDN or the self-host recipe's nginx can serve it. It must be
 * public and briefly cacheable, the same whoever asks (no cookie read, none
 * set), answer a poller whose copy is current with an empty 304, and hold
 * no answer key before the reveal. Errors are never cached.
 */

async function liveSession(request: APIRequestContext, mode: "live" | "homework" = "live") {
  const network = { "X-Forwarded-For": networkOfItsOwn() };
  const created = await request.post(api.sessions, { data: { mode, length: 5 }, headers: network });
  expect(created.status()).toBe(201);
  const { sessionId } = (await created.json()) as { sessionId: string };
  expect((await request.post(api.players(sessionId), { data: { nickname: "Ann" }, headers: network })).status()).toBe(201);
  return { sessionId, network };
}

test("the shared state is public for a second, the same for everyone, and a current copy costs a 304", async ({ request, playwright, baseURL }) => {
  const { sessionId, network } = await liveSession(request);
  const act = async (action: string, version: number) => {
    const response = await request.post(api.hostActions(sessionId), { data: { action, version }, headers: network });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { version: number }).version;
  };
  const opened = await act("start", 0);

  const live = await request.get(api.live(sessionId));
  expect(live.status()).toBe(200);
  expect(live.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=1");
  expect(live.headers()["set-cookie"]).toBeUndefined();
  const etag = live.headers()["etag"] ?? "";
  expect(etag).toMatch(/^"[\w-]+"$/);
  const shared = (await live.json()) as { version: number; phase: string; players: number; question: { id: string } | null };
  expect(shared).toMatchObject({ version: opened, phase: "open", players: 1 });
  expect(leaks(await live.text())).toEqual([]);

  // A stranger without any cookie gets the very same answer; a current copy is an empty 304.
  const stranger = await playwright.request.newContext({ baseURL });
  const seen = await stranger.get(api.live(sessionId));
  expect(await seen.text()).toBe(await live.text());
  const current = await stranger.get(api.live(sessionId), { headers: { "If-None-Match": etag } });
  expect(current.status()).toBe(304);
  expect(await current.body()).toHaveLength(0);
  await stranger.dispose();

  // Revealed, the key is in it, under a new ETag, within the quarter second an instance reuses a copy.
  await act("reveal", opened);
  await expect
    .poll(async () => {
      const revealed = await request.get(api.live(sessionId), { headers: { "If-None-Match": etag } });
      return revealed.status() === 200 ? Boolean(((await revealed.json()) as { reveal: { correctAnswer: unknown } | null }).reveal?.correctAnswer) : false;
    }, { timeout: 2_000 })
    .toBe(true);
});

test("no shared state for homework or an unknown session, and the refusals are never cached", async ({ request }) => {
  const { sessionId } = await liveSession(request, "homework");
  const homework = await request.get(api.live(sessionId));
  expect(homework.status()).toBe(409);
  expect(((await homework.json()) as { error: { message: string } }).error.message).toMatch(/homework/);
  const unknown = await request.get(api.live("AAAAAAAAAAAAAAAAAAAAAA"));
  expect(unknown.status()).toBe(404);
  for (const refused of [homework, unknown]) expect(refused.headers()["cache-control"] ?? "").not.toMatch(/public|s-maxage/);
});

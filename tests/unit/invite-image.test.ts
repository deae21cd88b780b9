// Before any route module: see tests/support/next-runtime.ts.
import "../support/next-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as inviteImage } from "@/app/og/classroom/[code]/route";
import { CLASSROOM_RATE_LIMITS } from "@/lib/classroom/limits";
import { seedSession } from "../support/app-seed";
import { openAppStore } from "../support/app-store";
import { ORIGIN } from "../support/fuzz-values";
import { callRoute } from "../support/route-harness";

/**
 * The invite image is drawn only for a code that exists (issue 20, item 4):
 * a made-up code of the right shape is a 404 that counts as a wrong code,
 * as on the join page, and a drawn card is served from memory after.
 */

let app: Awaited<ReturnType<typeof openAppStore>>;
let code: string;
beforeAll(async () => {
  app = await openAppStore("invite-image");
  ({ code } = await seedSession({ mode: "homework", players: 0 }));
});
afterAll(async () => app?.close());

const fetchImage = (joinCode: string, ip: string) =>
  callRoute("/og/classroom/[code]/route", inviteImage, new Request(`${ORIGIN}/og/classroom/${joinCode}`, { headers: { "x-forwarded-for": ip } }), {
    code: joinCode,
  });

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("the classroom invite image", () => {
  it("draws a code that exists, cached briefly (the code ends with its session), then from memory", async () => {
    const drawing = performance.now();
    const first = await fetchImage(code, "198.51.100.20");
    const firstMs = performance.now() - drawing;
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/png");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const png = Buffer.from(await first.arrayBuffer());

    const started = performance.now();
    const again = await fetchImage(code.toLowerCase(), "198.51.100.21");
    const againMs = performance.now() - started;
    expect(Buffer.from(await again.arrayBuffer()).equals(png)).toBe(true);
    // Drawing takes ~100 ms or more (more on a first draw, which loads the fonts); a store read and a copy from memory, a few.
    expect(againMs).toBeLessThan(firstMs / 4);
  });

  it("answers a made-up code with 404 and counts it as a wrong code, as a join does", async () => {
    const guesser = "198.51.100.30";
    const unknown = await fetchImage("ZZZZZZZZ", guesser);
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe("not_found");
    for (let i = 1; i < CLASSROOM_RATE_LIMITS.wrongCodes.limit; i += 1) expect((await fetchImage("ZZZZZZZZ", guesser)).status).toBe(404);
    // The allowance is used up: refused, even for the code that exists, as on the join page.
    const refused = await fetchImage("ZZZZZZZZ", guesser);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await fetchImage(code, guesser)).status).toBe(429);
    // Another client is not affected.
    expect((await fetchImage(code, "198.51.100.31")).status).toBe(200);
  });
});

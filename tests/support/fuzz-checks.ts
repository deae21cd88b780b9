import { expect } from "vitest";
import { z } from "zod";
import { REFUSED_PARAM } from "@/lib/forms/refusal";

/** What every answer to a fuzzed request must satisfy (tests/support/fuzz-runner.ts). */

const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().regex(/^[a-z_]+$/),
        message: z.string().min(1),
        fields: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict();

/** What must never reach a client: stack frames, file paths, store locations. */
export function expectNoLeaks(text: string, secrets: readonly string[] = []): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|\/work\/|\.tsx?:\d|file:\/\/|redis:\/\/|rediss:\/\/|SQLITE|StoreOpError|TypeError|ReferenceError/);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/**
 * A refusal as the design says: JSON `{ error }` with a 4xx (never 5xx)
 * for scripts, Retry-After on 429 and 503; a plain form post to a route
 * that has a form page goes back to it (303, the code in the query).
 */
export async function expectRefusal(response: Response, options: { htmlForForms: boolean; form: boolean; secrets?: readonly string[] }) {
  // Another site's form (cross_site) gets the JSON refusal, not a way back.
  if (options.form && options.htmlForForms && response.status !== 403) {
    expect(response.status, "a refused form goes back to its page").toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location, "back to a page of this site").toMatch(/^\/(?!\/)/);
    const code = new URL(location, "http://site.invalid").searchParams.get(REFUSED_PARAM);
    expect(code).toMatch(/^[a-z_]+$/);
    expect(code, "a bug is never a refusal").not.toBe("internal_error");
    expectNoLeaks(location, options.secrets);
    return;
  }
  expect(response.status, "a refusal is a 4xx").toBeGreaterThanOrEqual(400);
  expect(response.status, "a refusal is a 4xx").toBeLessThan(500);
  if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const text = await response.text();
  expectNoLeaks(text, options.secrets);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const parsed = errorBody.safeParse(JSON.parse(text));
  expect(parsed.error, text).toBeUndefined();
}

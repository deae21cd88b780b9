import { expect } from "vitest";
import { z } from "zod";

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
 * A refusal as the design says: 4xx (never 5xx); JSON `{ error }` for
 * scripts; for a plain form post to a page that has one, a small HTML page
 * with the message and a way back; Retry-After on 429 and 503.
 */
export async function expectRefusal(response: Response, options: { htmlForForms: boolean; form: boolean; secrets?: readonly string[] }) {
  expect(response.status, "a refusal is a 4xx").toBeGreaterThanOrEqual(400);
  expect(response.status, "a refusal is a 4xx").toBeLessThan(500);
  if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const text = await response.text();
  expectNoLeaks(text, options.secrets);
  if (options.form && options.htmlForForms) {
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(text).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    return;
  }
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const parsed = errorBody.safeParse(JSON.parse(text));
  expect(parsed.error, text).toBeUndefined();
}

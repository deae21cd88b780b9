// @ts-check
import { createClient } from "redis";

/**
 * The Redis the bench is given must be throwaway: the bench fills it with a
 * million attempts' counters and many quizzes. It uses the database in
 * REDIS_URL and the next one (the growth figures compare two stores), refuses
 * either if it holds anything, and empties both at the end — safe, since
 * everything in them is then its own.
 */

/** @param {string} url @param {(client: ReturnType<typeof createClient>) => Promise<void>} task */
async function withClient(url, task) {
  const client = createClient({ url });
  await client.connect();
  try {
    await task(client);
  } finally {
    await client.close();
  }
}

/** @param {string} url */
export async function assertEmpty(url) {
  await withClient(url, async (client) => {
    const size = await client.dbSize();
    if (size > 0) {
      throw new Error(
        `REDIS_URL points at a database holding ${size} keys. The bench writes and then deletes a lot of data: ` +
          "point it at an empty database of its own, e.g. redis://127.0.0.1:6379/14 (the bench also uses the next one, 15).",
      );
    }
  });
}

/** Empties the bench's own database (checked empty before the bench wrote to it). @param {string} url */
export async function empty(url) {
  await withClient(url, async (client) => {
    await client.flushDb();
  });
}

/** The same server's next database: redis://host:6379/14 → redis://host:6379/15. @param {string} url */
export function nextDatabase(url) {
  const parsed = new URL(url);
  const index = Number(parsed.pathname.slice(1) || "0");
  parsed.pathname = `/${index + 1}`;
  return parsed.toString();
}

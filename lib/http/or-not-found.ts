import { notFound, redirect } from "next/navigation";

/**
 * For pages: a domain "not found" (unknown or expired id) renders the 404
 * page, and a domain error whose code is in `redirects` sends the reader
 * where that state is handled (an unfinished quiz's results → the quiz);
 * anything else propagates.
 */
export async function orNotFound<T>(promise: Promise<T>, redirects: Partial<Record<string, string>> = {}): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (code === "not_found") notFound();
    const to = typeof code === "string" ? redirects[code] : undefined;
    if (to) redirect(to);
    throw error;
  }
}

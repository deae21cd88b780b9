import { createHash } from "node:crypto";

/**
 * A JSON answer that many browsers share: fresh for a second in a CDN or
 * a caching proxy, then served stale for one more while a single request
 * fetches the next copy; never kept by the browser itself. The ETag is the
 * body's hash, so a poller whose copy is current gets an empty 304.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=1";

export function sharedJson(request: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Cache-Control": SHARED_CACHE_CONTROL, ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}

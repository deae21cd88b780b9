/** A 303 to another page: the browser follows it with a GET, so a reload never re-posts a form. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

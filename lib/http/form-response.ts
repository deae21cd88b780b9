import { ApiError } from "./api-error";

/** A 303 to another page: the browser follows it with a GET, so a reload never re-posts a form. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The error for a plain HTML form post (no JavaScript): the same status and
 * message as the JSON error, as a small page with a way back.
 */
export function formErrorPage(error: ApiError, back: { href: string; label: string }): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(error.message)}</title></head><body style="font-family:system-ui,sans-serif;font-size:1.1rem;line-height:1.6;max-width:36rem;margin:2rem auto;padding:0 1rem"><h1 style="font-size:1.4rem">${escapeHtml(error.message)}</h1><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></body></html>`;
  return new Response(html, {
    status: error.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...error.headers },
  });
}

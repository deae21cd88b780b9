/** What a form leaf needs from a JSON POST: the body, or a message a person can act on (`offline`: nothing reached the server). */
export type PostResult<T> = { ok: true; data: T } | { ok: false; message: string; offline?: true };

export async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not our JSON error shape: fall through to a generic message.
  }
  return response.status === 429 || response.status === 503
    ? "The service is busy. Please wait a few seconds and try again."
    : "Something went wrong. Please try again.";
}

/** Posts `body` as JSON to the same route a plain form would post to (`headers`: e.g. the form's Idempotency-Key). */
export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "Nothing could be sent. Check your connection and try again.", offline: true };
  }
  if (!response.ok) return { ok: false, message: await errorMessage(response) };
  return { ok: true, data: (await response.json()) as T };
}

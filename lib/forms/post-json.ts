/**
 * What a form leaf needs from a JSON POST: the body, or a message a person can act on,
 * with the error's code to act on it (`offline`: nothing reached the server).
 */
export type PostResult<T> = { ok: true; data: T } | { ok: false; message: string; code?: string; offline?: true };

/** The route's `{ error: { code, message } }`, or what to say when the answer is not that shape. */
async function readError(response: Response): Promise<{ message: string; code?: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };
    // A refused value's own message ("Choose an answer."), not the summary that names schema paths for scripts.
    const message = Object.values(body.error?.fields ?? {})[0]?.[0] ?? body.error?.message;
    if (message) return { message, code: body.error?.code };
  } catch {
    // Not our JSON error shape: fall through to a generic message.
  }
  return {
    message:
      response.status === 429 || response.status === 503
        ? "The service is busy. Please wait a few seconds and try again."
        : "Something went wrong. Please try again.",
  };
}

export async function errorMessage(response: Response): Promise<string> {
  return (await readError(response)).message;
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
  if (!response.ok) return { ok: false, ...(await readError(response)) };
  return { ok: true, data: (await response.json()) as T };
}

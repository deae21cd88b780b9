/** The message of an API error response (`{ error: { message } }`), or a fallback a person can act on. */
export async function readApiError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return response.status === 429 || response.status === 503
    ? "The quiz is busy. Please wait a few seconds and try again."
    : "Something went wrong. Please try again.";
}

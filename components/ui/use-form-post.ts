import { useSearchParams } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { postJson } from "@/lib/forms/post-json";
import { readRefusal, type Refusal } from "@/lib/forms/refusal";

const subscribeToNothing = () => () => undefined;

/**
 * `noValidate` for a form, once React runs in the browser: the form then
 * checks with its schema and shows its own messages. In the server's HTML
 * (no JavaScript) it is absent, so the browser's `required` checks work.
 */
export function useNoValidate(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}

/**
 * Why this form's last plain post (no JavaScript) was refused, from the
 * page's query (lib/forms/refusal.ts), with the `echo`ed values it sent.
 * Read while the server renders, so it is in the page without JavaScript.
 */
export function useRefusal(echo: readonly string[] = []): Refusal | undefined {
  const query = useSearchParams();
  return query ? readRefusal(new URLSearchParams(query.toString()), echo) : undefined;
}

type Phase = "ready" | "sending" | "sent";

/**
 * Sending a form as JSON, the same way in every form. `busy` while it is
 * sent and, for a form the page leaves once it succeeds, after that too;
 * never after a refusal: a 4xx, 429 or 503, or no connection, shows `error`
 * and leaves the form ready to send again.
 *
 * `refusal`: a plain post's (no JavaScript), shown first. `validating`:
 * react-hook-form's `isSubmitting`, true from the tap until its check lets
 * the post go. `staysAfterSuccess`: the form is still there afterwards (a
 * teacher's lock button), so it is ready again.
 */
export function useFormPost({
  refusal,
  validating = false,
  staysAfterSuccess = false,
}: { refusal?: Refusal; validating?: boolean; staysAfterSuccess?: boolean } = {}) {
  const [phase, setPhase] = useState<Phase>("ready");
  const [error, setError] = useState<string | undefined>(refusal?.message);

  /** Posts `body` to `url`; `onSent` gets the answer of an accepted one. True when it was accepted. */
  async function post<T>(url: string, body: unknown, onSent: (data: T) => void, headers?: Record<string, string>): Promise<boolean> {
    setPhase("sending");
    setError(undefined);
    const posted = await postJson<T>(url, body, headers);
    if (!posted.ok) {
      setPhase("ready");
      setError(posted.message);
      return false;
    }
    setPhase(staysAfterSuccess ? "ready" : "sent");
    onSent(posted.data);
    return true;
  }

  return { post, busy: validating || phase !== "ready", error };
}

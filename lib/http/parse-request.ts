import { z } from "zod";
import { ApiError } from "./api-error";

/** Bodies here are a few answers or a nickname; anything bigger is not ours. */
export const MAX_BODY_BYTES = 8 * 1024;

export type BodyFormat = "json" | "form";

/**
 * Form values arrive as strings. Repeated names become arrays, and so do
 * react-hook-form's indexed names (`answer.0`, `answer.1`…), which is what
 * its inputs are called when a form posts without JavaScript.
 */
function formToObject(form: URLSearchParams): Record<string, string | string[]> {
  // A Map, not an object literal: a field named `__proto__` must stay a field
  // (refused as unknown) instead of being dropped or replacing the prototype.
  const result = new Map<string, string | string[]>();
  const indexed = new Map<string, string[]>();
  for (const key of new Set(form.keys())) {
    const match = /^(.+)\.(\d{1,2})$/.exec(key);
    if (match?.[1] && match[2]) {
      const list = indexed.get(match[1]) ?? [];
      list[Number(match[2])] = form.get(key) as string;
      indexed.set(match[1], list);
      continue;
    }
    const values = form.getAll(key);
    result.set(key, values.length === 1 ? (values[0] as string) : values);
  }
  // Holes (answer.0 and answer.2 without answer.1) become "" and fail validation.
  for (const [key, list] of indexed) result.set(key, Array.from(list, (value) => value ?? ""));
  return Object.fromEntries(result);
}

function fieldErrors(error: z.core.$ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[name] ??= []).push(issue.message);
  }
  return fields;
}

/** Validates a value with a schema, or throws a 400 naming each field's problem. */
export function parseWith<S extends z.core.$ZodType>(schema: S, value: unknown, what = "request"): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    );
    throw new ApiError(400, "invalid_request", `The ${what} is not valid. ${problems.join("; ")}`, fieldErrors(parsed.error));
  }
  return parsed.data;
}

const tooLarge = () => new ApiError(413, "body_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);

/**
 * A request's body as text, read as it arrives and never past the limit:
 * a declared Content-Length over it is refused unread, and a body without
 * one (`Transfer-Encoding: chunked`) is read until it passes the limit, then
 * its stream is cancelled and 413 thrown. So an endless upload costs at most
 * one chunk past 8 kB of memory, not its whole size.
 */
export async function readBodyText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      // Not awaited: the refusal must not wait on a client still sending.
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Reads a JSON or HTML-form body and validates it with the route's schema.
 * 415 for another content type and 413 for an oversized body, both before
 * reading more than the limit (readBodyText); 400 for malformed JSON or a
 * value the schema refuses.
 */
export async function parseBody<S extends z.core.$ZodType>(
  request: Request,
  schema: S,
): Promise<{ data: z.output<S>; format: BodyFormat }> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json" && contentType !== "application/x-www-form-urlencoded") {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the request as application/json or as an HTML form (application/x-www-form-urlencoded).",
    );
  }
  const text = await readBodyText(request);
  if (contentType === "application/x-www-form-urlencoded") {
    return { data: parseWith(schema, formToObject(new URLSearchParams(text)), "form"), format: "form" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  return { data: parseWith(schema, json), format: "json" };
}

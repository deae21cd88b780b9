import * as z from "zod/mini";
import { ApiError } from "../api-error";
import { IDEMPOTENCY_HEADER } from "./fields";

/** 16–64 URL-safe characters: a UUID or 128+ random bits, never anything that needs escaping in a key. */
export const idempotencyKeySchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, "An idempotency key is 16 to 64 letters, digits, '-' or '_'."));

/** The request's key: the header, else the form field; a malformed header is a 400. */
export function idempotencyKeyOf(request: Request, fromBody: string | undefined): string | undefined {
  const header = request.headers.get(IDEMPOTENCY_HEADER);
  if (header === null) return fromBody;
  const parsed = idempotencyKeySchema.safeParse(header.trim());
  if (!parsed.success) {
    throw new ApiError(400, "invalid_idempotency_key", `The ${IDEMPOTENCY_HEADER} header is not valid. ${parsed.error.issues[0]?.message ?? ""}`.trim());
  }
  return parsed.data;
}

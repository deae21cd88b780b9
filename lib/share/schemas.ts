import * as z from "zod/mini";

/**
 * A result's public share id: 12 random bytes in base64url (96 bits), so it
 * cannot be guessed, and unrelated to the attempt id, which stays the
 * player's private key to their answers. Client-safe: the start-quiz schema
 * uses it for challenges.
 */
export const shareIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/, "This is not a valid challenge link."));

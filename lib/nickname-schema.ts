import * as z from "zod/mini";
import { checkNicknameText, NICKNAME_MESSAGES } from "./nickname-text";

/*
 * The nickname rules of `./nickname-text` as Zod schemas, for route handlers
 * and for forms, which load this module only when first used
 * (lib/forms/schema-resolver.ts).
 */

/**
 * A string in, the normalized nickname out, or one issue with the message
 * to show and `params.reason` for code that needs to branch.
 */
export const nicknameTextSchema = z.pipe(
  z.string({ error: NICKNAME_MESSAGES.empty }),
  z.transform((value: string, ctx) => {
    const result = checkNicknameText(value);
    if (result.ok) return result.nickname;
    ctx.issues.push({ code: "custom", input: value, message: result.message, params: { reason: result.reason } });
    return z.NEVER;
  }),
);

/** The leaderboard form's body, as the form and the route check it. */
export const nicknameFormTextSchema = z.strictObject({ nickname: nicknameTextSchema });
export type NicknameFormInput = z.input<typeof nicknameFormTextSchema>;

import * as z from "zod/mini";

/**
 * Short notes a redirect carries to the page it lands on (`?notice=`), so
 * the no-JavaScript flow and the script say the same thing.
 */
export const QUIZ_NOTICES = {
  "answered-elsewhere":
    "That question was already answered in another tab or window, and the first answer counts. This is where your quiz is now.",
} as const;

export type QuizNotice = keyof typeof QUIZ_NOTICES;

const noticeSchema = z.enum(Object.keys(QUIZ_NOTICES) as [QuizNotice, ...QuizNotice[]]);

/** The notice a `?notice=` query names, or undefined for anything else. */
export function parseNotice(value: unknown): QuizNotice | undefined {
  return noticeSchema.safeParse(value).data;
}

import * as z from "zod/mini";

/**
 * A plain HTML form posts "" (or spaces) for a field left empty or an option
 * left unchosen, and JSON may send null: read all of them as absent, so the
 * schema's own optional or default applies.
 */
export const blankAsAbsent = <S extends z.core.$ZodType>(schema: S) =>
  z.pipe(
    z.transform((value: unknown): unknown => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value)),
    schema,
  );

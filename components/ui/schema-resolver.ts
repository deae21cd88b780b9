import { set, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import { config, safeParse, type core } from "zod/mini";

// Zod compiles object schemas with `new Function` when it may, and probes for
// that by trying it. The Content-Security-Policy (proxy.ts) allows no eval, so
// the probe would only raise a policy violation before Zod falls back: skip it.
// Set here, beside the only code that parses in the browser, so pages without
// a form do not load Zod at all.
config({ jitless: true });

/**
 * react-hook-form's resolver for a zod schema, in 20 lines instead of
 * @hookform/resolvers' 2 kB: the values the schema outputs, or each field's
 * first problem under its path (`answer`, `answer.0`).
 */
export function schemaResolver<Input extends FieldValues, Output extends FieldValues>(
  schema: core.$ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  return (values) => {
    const parsed = safeParse(schema, values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors<Input> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".");
      if (!errors[name]) set(errors, name, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors };
  };
}

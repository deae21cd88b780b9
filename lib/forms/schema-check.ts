import { set, type FieldErrors, type FieldValues, type ResolverResult } from "react-hook-form";
import { config, safeParse, type core } from "zod/mini";

// Zod compiles object schemas with `new Function` when it may, and probes for
// that by trying it. The Content-Security-Policy (proxy.ts) allows no eval, so
// the probe would only raise a policy violation before Zod falls back: skip it.
// Zod makes that choice when a schema is built, so this module loads before any
// schema module does (./schema-resolver.ts loads both, on demand).
config({ jitless: true });

/** The values the schema outputs, or each field's first problem under its path (`answer`, `answer.0`). */
export function checkWith<Input extends FieldValues, Output extends FieldValues>(
  schema: core.$ZodType<Output, Input>,
  values: Input,
): ResolverResult<Input, Output> {
  const parsed = safeParse(schema, values);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: FieldErrors<Input> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join(".");
    if (!errors[name]) set(errors, name, { type: issue.code, message: issue.message });
  }
  return { values: {}, errors };
}

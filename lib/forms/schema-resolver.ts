import type { FieldValues, Resolver, ResolverResult } from "react-hook-form";
import type { core } from "zod/mini";

type Check<Input extends FieldValues, Output extends FieldValues> = (values: Input) => ResolverResult<Input, Output>;

/**
 * react-hook-form's resolver for a form's shared zod schema, without Zod in
 * the page: Zod and the schema (about 19 kB compressed, more than the rest
 * of a quiz page's own JavaScript) load when the person first focuses or
 * taps the form (spread `preloadOn` on the <form>), or at the latest when
 * they submit.
 *
 * Nothing needs checking before then, and the server checks everything
 * again. So when loading fails (a dropped connection), the values go to the
 * server unchecked and its answer is shown instead; the next submit tries
 * loading again.
 */
export function lazySchemaResolver<Input extends FieldValues, Output extends FieldValues>(
  loadSchema: () => Promise<core.$ZodType<Output, Input>>,
): { resolver: Resolver<Input, unknown, Output>; preloadOn: { onFocus: () => void; onPointerDown: () => void } } {
  let loading: Promise<Check<Input, Output>> | undefined;
  const load = () =>
    (loading ??= import("./schema-check")
      // schema-check first: it configures Zod before the schema's module builds its schemas.
      .then(({ checkWith }) => loadSchema().then((schema): Check<Input, Output> => (values) => checkWith(schema, values)))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  const preload = () => {
    load().catch(() => undefined);
  };
  return {
    resolver: async (values) => {
      const check = await load().catch(() => null);
      // Unchecked values typed as checked ones: the server validates them with the same schema.
      return check ? check(values) : { values: values as unknown as Output, errors: {} };
    },
    preloadOn: { onFocus: preload, onPointerDown: preload },
  };
}

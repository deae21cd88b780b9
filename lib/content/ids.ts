import * as z from "zod/mini";

/**
 * The two content shapes that request bodies reuse (a question id is a slug,
 * a quiz may be limited to a topic). zod/mini, like every schema a form
 * validates with: a form loads it on first use (lib/forms/schema-resolver.ts),
 * and mini's pieces weigh less there than classic zod's.
 */

export const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case slug (a-z, 0-9, hyphens)"));

/** Topic tags shared by explainers and the quiz. */
export const Topic = z.enum(["threats-2017", "meetings", "letters", "stalemate", "russia", "second-term"]);
export type Topic = z.infer<typeof Topic>;

import { describe, expect, it } from "vitest";
import { lazySchemaResolver } from "@/lib/forms/schema-resolver";
import { answerSchema, type AnswerInput } from "@/lib/questions/requests";

/** The options react-hook-form passes a resolver; these schemas read none of them. */
const OPTIONS = { fields: {}, shouldUseNativeValidation: false } as const;

/** A schema loader that fails its first `failures` calls, as a dropped connection would, and counts its calls. */
function flakyLoader(failures: number) {
  const loader = async () => {
    loader.calls += 1;
    if (loader.calls <= failures) throw new TypeError("Failed to fetch dynamically imported module");
    return answerSchema;
  };
  loader.calls = 0;
  return loader;
}

const empty = { questionId: "q-singapore-date", answer: "" } as AnswerInput;
const valid = { questionId: "q-singapore-date", answer: " 2018-06-12 " } as AnswerInput;

describe("lazySchemaResolver", () => {
  it("checks a submit with the shared schema: a field's message, or the schema's output", async () => {
    const { resolver } = lazySchemaResolver(flakyLoader(0));
    const refused = await resolver(empty, undefined, OPTIONS);
    expect(refused.values).toEqual({});
    expect(refused.errors.answer?.message).toBe("Choose an answer.");
    const accepted = await resolver(valid, undefined, OPTIONS);
    expect(accepted).toEqual({ values: { questionId: "q-singapore-date", answer: "2018-06-12" }, errors: {} });
  });

  it("loads the schema once, whether the form was touched first (preload) or submitted", async () => {
    const load = flakyLoader(0);
    const { resolver, preloadOn } = lazySchemaResolver(load);
    expect(load.calls).toBe(0);
    preloadOn.onFocus();
    preloadOn.onPointerDown();
    await resolver(valid, undefined, OPTIONS);
    await resolver(empty, undefined, OPTIONS);
    expect(load.calls).toBe(1);
  });

  it("sends the values unchecked when the schema cannot load, and tries loading again on the next submit", async () => {
    const load = flakyLoader(1);
    const { resolver } = lazySchemaResolver(load);
    // The server checks with the same schema, so an unchecked submit is answered, not lost.
    expect(await resolver(empty, undefined, OPTIONS)).toEqual({ values: empty, errors: {} });
    expect((await resolver(empty, undefined, OPTIONS)).errors.answer?.message).toBe("Choose an answer.");
    expect(load.calls).toBe(2);
  });
});

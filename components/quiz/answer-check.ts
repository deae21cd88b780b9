import { lazySchemaResolver } from "@/lib/forms/schema-resolver";

/** The answer forms' check (the quiz's and the live classroom's), loaded on first use. */
export const answerCheck = lazySchemaResolver(() => import("@/lib/questions/requests").then((module) => module.answerSchema));

import { lazySchemaResolver } from "@/components/ui/schema-resolver";

/** The answer forms' check (the quiz's and the live classroom's), loaded on first use. */
export const answerCheck = lazySchemaResolver(() => import("@/lib/quiz/requests").then((module) => module.answerSchema));

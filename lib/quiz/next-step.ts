import type { NextStep } from "@/lib/questions/schemas";
import { playPath, resultsPath } from "./paths";

export function nextStep(attemptId: string, progress: { nextIndex: number | null }): NextStep {
  return progress.nextIndex === null
    ? { href: resultsPath(attemptId), label: "See your results", sameRoute: false }
    : { href: playPath(attemptId), label: "Next question", sameRoute: true };
}

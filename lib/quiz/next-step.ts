import { playPath, resultsPath } from "./paths";

/** What follows an answer: the next question (same page, refreshed) or the results. */
export interface NextStep {
  href: string;
  label: string;
  /** True when the next step is another question on this same page. */
  sameRoute: boolean;
}

export function nextStep(attemptId: string, progress: { nextIndex: number | null }): NextStep {
  return progress.nextIndex === null
    ? { href: resultsPath(attemptId), label: "See your results", sameRoute: false }
    : { href: playPath(attemptId), label: "Next question", sameRoute: true };
}

import type { ResultSummary } from "@/lib/quiz/views";

/** A result as its share link shows it: marks and score, never answers. */
export interface SharedResult extends ResultSummary {
  shareId: string;
}

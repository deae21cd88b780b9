import type { AnswerFeedback } from "./schemas";

/**
 * How an answered question's options are marked, and the position names
 * ordering questions use. Pure and client-safe: the question form marks
 * its options with these once the feedback arrives.
 */

const POSITIONS = ["1st", "2nd", "3rd", "4th", "5th"];

/** "1st" for index 0: ordering questions have at most five items. */
export function positionName(index: number): string {
  return POSITIONS[index] ?? `${index + 1}th`;
}

type Marked = Pick<AnswerFeedback, "key" | "chosen">;

/** Whether one option (a single, who-said or true/false choice) was chosen, and whether it is the key. */
export function choiceMark(feedback: Marked, id: string): { chosen: boolean; correct: boolean } {
  return { chosen: feedback.chosen === id, correct: feedback.key === id };
}

export interface OrderMark {
  id: string;
  /** 0-based position the player gave the item. */
  position: number;
  /** 0-based position the item belongs in. */
  correctPosition: number;
}

/** The player's order, each item with where it belongs (`correctPosition === position` when placed right). */
export function orderMarks(feedback: Marked): OrderMark[] {
  const chosen = typeof feedback.chosen === "string" ? [feedback.chosen] : feedback.chosen;
  const key = typeof feedback.key === "string" ? [feedback.key] : feedback.key;
  return chosen.map((id, position) => ({ id, position, correctPosition: key.indexOf(id) }));
}

/**
 * The Wordle-style text a player pastes into a chat: the score and one mark
 * per question. It is built from right/wrong marks only, so by construction
 * it cannot carry a question, an option or an answer.
 */

export const QUIZ_NAME = "Trump and Kim quiz";

export interface ShareLineInput {
  score: number;
  total: number;
  /** Right or wrong, per question in order. */
  marks: readonly boolean[];
}

/** Ten marks to a row, so a 20-question result stays readable in a narrow chat bubble. */
const MARKS_PER_ROW = 10;

export function shareLine({ score, total, marks }: ShareLineInput): string {
  const rows: string[] = [];
  for (let start = 0; start < marks.length; start += MARKS_PER_ROW) {
    rows.push(
      marks
        .slice(start, start + MARKS_PER_ROW)
        .map((right) => (right ? "✅" : "❌"))
        .join(""),
    );
  }
  return [`${QUIZ_NAME}: ${score}/${total}`, ...rows, "Can you beat my score?"].join("\n");
}

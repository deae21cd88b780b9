/** "Question 3 of 10" with a bar; the text carries the meaning, the bar is decoration. A span, so it can sit in a heading. */
export function QuizProgress({ index, total }: { index: number; total: number }) {
  return (
    <span className="quiz-progress">
      <span>
        Question {index + 1} of {total}
      </span>
      <progress max={total} value={index + 1} aria-hidden="true" />
    </span>
  );
}

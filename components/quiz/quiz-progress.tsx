/** "Question 3 of 10" with a bar; the text carries the meaning, the bar is decoration. */
export function QuizProgress({ index, total }: { index: number; total: number }) {
  return (
    <div className="quiz-progress">
      <span>
        Question {index + 1} of {total}
      </span>
      <progress max={total} value={index + 1} aria-hidden="true" />
    </div>
  );
}

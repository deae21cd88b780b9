import type { ReviewItem } from "@/lib/quiz/views";
import { AnswerFeedback } from "./answer-feedback";
import { CorrectionNotice } from "./correction-notice";

const formatAnswer = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

/** Every question of a finished quiz: the player's answer, the key, why, and how everyone else did. */
export function ReviewList({ items }: { items: ReviewItem[] }) {
  return (
    <ol className="review">
      {items.map((item) => (
        <li key={item.questionId} className={`card ${item.feedback.correct ? "review-item--right" : "review-item--wrong"}`}>
          <h3 style={{ marginTop: 0 }}>
            {item.index + 1}. {item.prompt}
          </h3>
          {item.quote && <blockquote className="quote">“{item.quote}”</blockquote>}
          <p>
            Your answer: <strong>{formatAnswer(item.playerAnswer)}</strong>
          </p>
          {item.correctedSince && <CorrectionNotice note={item.correctedSince} after="after you answered it" />}
          <p className="meta">
            {item.shareCorrect === null
              ? "You are the first to answer this question."
              : `${Math.round(item.shareCorrect * 100)}% of ${item.answeredBy.toLocaleString("en-GB")} players got this right.`}
          </p>
          <AnswerFeedback feedback={item.feedback} headingLevel={4} />
        </li>
      ))}
    </ol>
  );
}

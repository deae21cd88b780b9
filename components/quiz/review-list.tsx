import type { AnsweredReviewItem, ReviewItem, WithdrawnReviewItem } from "@/lib/quiz/views";
import { AnswerFeedback } from "./answer-feedback";
import { CorrectionNotice } from "./correction-notice";

const formatAnswer = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

function AnsweredItem({ item }: { item: AnsweredReviewItem }) {
  return (
    <li className={`card ${item.feedback.correct ? "review-item--right" : "review-item--wrong"}`}>
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
          : `${Math.round(item.shareCorrect * 100)}% of ${item.answeredBy.toLocaleString("en-GB")} player${item.answeredBy === 1 ? "" : "s"} got this right.`}
      </p>
      <AnswerFeedback feedback={item.feedback} headingLevel={4} />
    </li>
  );
}

const SCORED_MARK = {
  right: "✓ It was counted right in your score.",
  wrong: "✗ It was counted wrong in your score.",
  unknown: "Whether it was counted right can no longer be told from your score.",
} as const;

/** Its text and key are gone, so the item says so in words, with the log's reason when it has one, and gives only the mark. */
function WithdrawnItem({ item }: { item: WithdrawnReviewItem }) {
  const mark = item.scoredRight === null ? "unknown" : item.scoredRight ? "right" : "wrong";
  const note = item.correctedSince;
  const withdrawal = note?.type === "withdrawal" ? note : null;
  return (
    <li className="card review-item--withdrawn">
      <h3 style={{ marginTop: 0 }}>{item.index + 1}. A withdrawn question</h3>
      <p>
        This question was withdrawn from the quiz
        {withdrawal && (
          <>
            {" "}
            on <time dateTime={withdrawal.date}>{withdrawal.dateText}</time>
          </>
        )}{" "}
        after you answered it, so its text and answer are no longer shown.
        {withdrawal && (
          <>
            {" "}
            <a href={withdrawal.href}>Why it was withdrawn</a>
          </>
        )}
      </p>
      <p>{SCORED_MARK[mark]}</p>
      {note && !withdrawal && <CorrectionNotice note={note} after="after you answered it" />}
    </li>
  );
}

/** Every question of a finished quiz, in order: the player's answer, the key, why, and how everyone else did. */
export function ReviewList({ items }: { items: ReviewItem[] }) {
  return (
    <ol className="review">
      {items.map((item) =>
        item.status === "current" ? (
          <AnsweredItem key={item.questionId} item={item} />
        ) : (
          <WithdrawnItem key={item.questionId} item={item} />
        ),
      )}
    </ol>
  );
}

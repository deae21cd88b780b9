import type { DashboardQuestion } from "@/lib/classroom/views";
import { SourceLinks } from "@/components/content/source-links";
import { CorrectionNotice } from "@/components/quiz/correction-notice";
import styles from "./sheet.module.css";

const percent = (share: number | null) => `${Math.round((share ?? 0) * 100)}%`;

/**
 * The questions the class missed most, each with its answer, the explanation
 * and its sources. Links are written out in full against `baseUrl`: the
 * sheet is read on paper, where a link is only the address it shows.
 */
export function FollowUpSheet({ questions, baseUrl }: { questions: DashboardQuestion[]; baseUrl: URL }) {
  if (questions.length === 0) {
    return <p>No question has been missed yet: there is nothing to go over.</p>;
  }
  return (
    <ol style={{ listStyle: "none", padding: 0 }}>
      {questions.map((question) => {
        const readMore = new URL(question.learnMore.href, baseUrl).toString();
        return (
          <li key={question.id} className={styles.question}>
            <h2>
              Question {question.index + 1}: {question.prompt}
            </h2>
            {question.quote && <blockquote className="quote">“{question.quote}”</blockquote>}
            <p>
              <strong>The answer:</strong> {question.correctAnswer}
            </p>
            {question.correctedSince && (
              <CorrectionNotice note={question.correctedSince} after="after this class answered it" />
            )}
            <p className="meta">
              {percent(question.class.share)} of the class got it right
              {question.mostChosenWrong && `; the most common wrong answer was “${question.mostChosenWrong.label}”`}.
            </p>
            <p>{question.explanation}</p>
            <SourceLinks ids={question.sources.map((source) => source.id)} />
            <p className={styles.sources}>
              Read more: “{question.learnMore.label}”,{" "}
              <a href={readMore} className={styles.url}>
                {readMore}
              </a>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

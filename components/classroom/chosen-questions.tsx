import type { ReactNode } from "react";
import { SourceLinks } from "@/components/content/source-links";
import type { ChosenQuestion } from "@/lib/classroom/views";
import { TOPIC_LABELS } from "@/lib/content";
import { QUESTION_KIND_LABELS } from "@/lib/questions/kinds";
import styles from "./questions.module.css";
import sheetStyles from "./sheet.module.css";

/**
 * A session's questions as the teacher sees them before the class does:
 * the choices in the class's order, the answer, why, and the sources.
 * `tools` adds the teacher's buttons under each one (none in a preview).
 */
export function ChosenQuestions({ questions, tools }: { questions: ChosenQuestion[]; tools?: (question: ChosenQuestion) => ReactNode }) {
  return (
    <ol className={styles.list} aria-label="The session’s questions, in order">
      {questions.map((question) => (
        <li key={question.id} className={`${sheetStyles.question} ${styles.question}`} data-question-id={question.id}>
          <h2>
            {question.index + 1}. {question.prompt}
          </h2>
          {question.quote && <blockquote className="quote">“{question.quote}”</blockquote>}
          <p className="meta">
            {QUESTION_KIND_LABELS[question.kind]} · {question.difficulty} · {question.topics.map((topic) => TOPIC_LABELS[topic]).join(", ")}
          </p>
          <ul>
            {question.choices.map((choice) => (
              <li key={choice}>{choice}</li>
            ))}
          </ul>
          <p>
            <span className={styles.answer}>The answer:</span> {question.correctAnswer}
          </p>
          <p>{question.explanation}</p>
          <SourceLinks ids={question.sources.map((source) => source.id)} />
          {tools && <div className={styles.tools}>{tools(question)}</div>}
        </li>
      ))}
    </ol>
  );
}

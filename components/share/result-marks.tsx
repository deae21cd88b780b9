import { MarkIcon } from "./mark-icon";
import styles from "./share.module.css";

/** One tile per question, as in the share line and image; screen readers hear "Question 3: wrong". */
export function ResultMarks({ marks }: { marks: readonly boolean[] }) {
  const right = marks.filter(Boolean).length;
  return (
    <ol className={styles.marks} aria-label={`${right} right, ${marks.length - right} wrong, question by question`}>
      {marks.map((mark, index) => (
        <li key={index} className={mark ? styles.right : styles.wrong}>
          <MarkIcon right={mark} size={22} color="currentColor" />
          <span className="visually-hidden">
            Question {index + 1}: {mark ? "right" : "wrong"}
          </span>
        </li>
      ))}
    </ol>
  );
}

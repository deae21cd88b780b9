import { orderMarks, positionName } from "@/lib/questions/marks";
import type { AnswerFeedback, PublicChoice } from "@/lib/questions/schemas";
import styles from "./question-fields.module.css";

/** The player's order, each item marked right or with the place it belongs in (the feedback lists the correct order). */
export function OrderMarks({ items, feedback }: { items: PublicChoice[]; feedback: AnswerFeedback }) {
  const textOf = (id: string) => items.find((item) => item.id === id)?.text ?? id;
  return (
    <>
      <p className={styles.heading}>Your order</p>
      <ol className={styles.marked}>
        {orderMarks(feedback).map(({ id, position, correctPosition }) => {
          const right = position === correctPosition;
          return (
            <li key={id} className={`${styles.item} ${right ? styles.right : styles.wrong}`}>
              <span className={styles.position} aria-hidden="true">
                {positionName(position)}
              </span>
              <span className={styles.text}>{textOf(id)}</span>
              <span className={styles.tag}>
                <span aria-hidden="true">{right ? "✓" : "✗"}</span>{" "}
                {right ? "Right place" : `Belongs ${positionName(correctPosition)}`}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

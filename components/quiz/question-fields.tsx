import type { UseFormRegister } from "react-hook-form";
import { withUnit } from "@/lib/questions/closeness";
import { choiceMark } from "@/lib/questions/marks";
import type { AnswerFields } from "@/lib/questions/requests";
import type { AnswerFeedback, PublicChoice, PublicQuestion } from "@/lib/questions/schemas";
import { EstimateFields } from "./estimate-fields";
import { OrderFields } from "./order-fields";
import { OrderMarks } from "./order-marks";
import styles from "./question-fields.module.css";

const TRUE_FALSE: PublicChoice[] = [
  { id: "true", text: "True" },
  { id: "false", text: "False" },
];

const choicesOf = (question: Exclude<PublicQuestion, { kind: "order" | "estimate" }>) => (question.kind === "true-false" ? TRUE_FALSE : question.options);

/**
 * The answer inputs for one question, or, once `feedback` has come, the
 * options marked. Plain inputs named `answer`, so the same markup posts as
 * an HTML form without JavaScript; `register` wires them to react-hook-form
 * when it runs.
 */
export function QuestionFields({
  question,
  register,
  disabled,
  feedback,
}: {
  question: PublicQuestion;
  register: UseFormRegister<AnswerFields>;
  disabled: boolean;
  feedback?: AnswerFeedback;
}) {
  if (feedback) return <AnsweredFields question={question} feedback={feedback} />;
  if (question.kind === "order") return <OrderFields key={question.id} items={question.items} register={register} disabled={disabled} />;
  if (question.kind === "estimate") {
    return <EstimateFields key={question.id} unit={question.unit} range={question.range} register={register} disabled={disabled} />;
  }
  return (
    <div className="choices">
      {choicesOf(question).map((choice) => (
        <label key={choice.id} className="choice">
          <input type="radio" value={choice.id} required disabled={disabled} {...register("answer")} />
          <span>{choice.text}</span>
        </label>
      ))}
    </div>
  );
}

/** An answered question's options: the player's answer and the correct one, each marked with an icon and words. */
export function AnsweredFields({ question, feedback }: { question: PublicQuestion; feedback: AnswerFeedback }) {
  if (question.kind === "order") return <OrderMarks items={question.items} feedback={feedback} />;
  if (question.kind === "estimate") {
    return (
      <p className={styles.item}>
        <span className={styles.text}>Your estimate: {withUnit(Number(feedback.chosen), question.unit)}</span>
      </p>
    );
  }
  return (
    <ul className={styles.marked}>
      {choicesOf(question).map((choice) => {
        const { chosen, correct } = choiceMark(feedback, choice.id);
        return (
          <li key={choice.id} className={`${styles.item} ${correct ? styles.right : chosen ? styles.wrong : ""}`}>
            <span className={styles.text}>{choice.text}</span>
            {chosen && (
              <span className={styles.tag}>
                <span aria-hidden="true">{correct ? "✓" : "✗"}</span> Your answer
              </span>
            )}
            {correct && (
              <span className={styles.tag}>
                <span aria-hidden="true">✓</span> Correct answer
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

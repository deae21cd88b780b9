import type { UseFormRegister } from "react-hook-form";
import type { AnswerInput } from "@/lib/questions/requests";
import type { PublicQuestion } from "@/lib/questions/schemas";

const ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth"];

/**
 * The answer inputs for one question. Plain inputs named `answer`, so the
 * same markup posts as an HTML form without JavaScript; `register` wires
 * them to react-hook-form when it runs.
 */
export function QuestionFields({
  question,
  register,
  disabled,
}: {
  question: PublicQuestion;
  register: UseFormRegister<AnswerInput>;
  disabled: boolean;
}) {
  if (question.kind === "order") {
    return (
      <div className="order-fields">
        {question.items.map((item, position) => (
          <div key={item.id} className="order-field">
            <label htmlFor={`answer-${position}`}>{ORDINALS[position]}</label>
            <select id={`answer-${position}`} defaultValue={item.id} disabled={disabled} {...register(`answer.${position}`)}>
              {question.items.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    );
  }

  const choices =
    question.kind === "true-false"
      ? [
          { id: "true", text: "True" },
          { id: "false", text: "False" },
        ]
      : question.options;
  return (
    <div className="choices">
      {choices.map((choice) => (
        <label key={choice.id} className="choice">
          <input type="radio" value={choice.id} required disabled={disabled} {...register("answer")} />
          <span>{choice.text}</span>
        </label>
      ))}
    </div>
  );
}

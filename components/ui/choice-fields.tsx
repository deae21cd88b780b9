import type { UseFormRegisterReturn } from "react-hook-form";

/** One option of a radio group or a select, as the form posts it and a person reads it. */
export interface FieldChoice {
  value: string | number;
  label: string;
}

/**
 * A set of radio buttons with its legend; `field` is react-hook-form's
 * `register(name)`. `initial`: the option checked in the server's HTML (the
 * form's default), so a post without JavaScript sends it too.
 */
export function RadioGroup({
  legend,
  options,
  field,
  initial,
}: {
  legend: string;
  options: readonly FieldChoice[];
  field: UseFormRegisterReturn;
  initial: string | undefined;
}) {
  return (
    <fieldset className="quiz-options">
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="radio" value={String(option.value)} defaultChecked={String(option.value) === initial} required {...field} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled select; `field` is react-hook-form's `register(name)`, `initial` the option chosen in the server's HTML. */
export function SelectField({
  label,
  options,
  field,
  initial,
}: {
  label: string;
  options: readonly FieldChoice[];
  field: UseFormRegisterReturn;
  initial: string | undefined;
}) {
  return (
    <div className="quiz-options">
      <label htmlFor={field.name} style={{ fontWeight: 700, display: "block", marginBottom: "0.5rem" }}>
        {label}
      </label>
      <select id={field.name} defaultValue={initial} {...field}>
        {options.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

"use client";

import { useId, useRef, useState, useSyncExternalStore } from "react";
import type { UseFormRegister } from "react-hook-form";
import { estimateSpan, withUnit } from "@/lib/questions/closeness";
import type { AnswerFields } from "@/lib/questions/requests";
import type { EstimateRange } from "@/lib/questions/schemas";
import styles from "./question-fields.module.css";

const subscribeNever = () => () => {};

/**
 * An estimate: a number field (with its unit, its ends and step), and once
 * JavaScript runs a slider over the same range kept in step with it. Only
 * the number field is named `answer`, so without JavaScript it alone posts
 * with the plain form. Neither starts with a value: a number the player
 * never chose cannot be sent.
 */
export function EstimateFields({
  unit,
  range,
  register,
  disabled,
}: {
  unit: string;
  range: EstimateRange;
  register: UseFormRegister<AnswerFields>;
  disabled: boolean;
}) {
  const id = useId();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const field = register("answer");
  const numberField = useRef<HTMLInputElement | null>(null);
  const [value, setValue] = useState("");
  const middle = String(range.min + Math.round((range.max - range.min) / range.step / 2) * range.step);

  return (
    <div className={styles.estimate}>
      <label htmlFor={`${id}-number`} className={styles.heading}>
        Your estimate, in {unit}
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        {estimateSpan(range, unit)}.
      </p>
      <div className={styles.number}>
        <input
          id={`${id}-number`}
          type="number"
          inputMode={Number.isInteger(range.step) && range.min >= 0 ? "numeric" : "decimal"}
          min={range.min}
          max={range.max}
          step={range.step}
          required
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          {...field}
          ref={(element) => {
            field.ref(element);
            numberField.current = element;
          }}
          onChange={(event) => {
            setValue(event.target.value);
            void field.onChange(event);
          }}
        />
        <span aria-hidden="true">{unit}</span>
      </div>
      {hydrated && (
        <input
          type="range"
          className={styles.slider}
          min={range.min}
          max={range.max}
          step={range.step}
          value={value === "" ? middle : value}
          disabled={disabled}
          aria-label={`Your estimate, in ${unit}: slider`}
          aria-valuetext={value === "" ? "not chosen" : withUnit(Number(value), unit)}
          onChange={(event) => {
            const input = numberField.current;
            if (!input) return;
            input.value = event.target.value;
            setValue(event.target.value);
            void field.onChange({ target: input, type: "change" });
          }}
        />
      )}
    </div>
  );
}

"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type { UseFormRegister } from "react-hook-form";
import { positionName } from "@/lib/questions/marks";
import type { AnswerFields } from "@/lib/questions/requests";
import type { PublicChoice } from "@/lib/questions/schemas";
import styles from "./question-fields.module.css";

const subscribeNever = () => () => {};

/**
 * An ordering question's answer. The server renders one select per
 * position, each blank and required, posting `answer.0`… as a plain form;
 * once JavaScript runs, a tap control replaces them. Neither starts with an
 * order, so an order the player never chose cannot be sent.
 */
export function OrderFields({
  items,
  register,
  disabled,
}: {
  items: PublicChoice[];
  register: UseFormRegister<AnswerFields>;
  disabled: boolean;
}) {
  // False on the server and while hydrating, true after: the selects are the no-JavaScript fallback.
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  if (hydrated) return <TapOrder items={items} register={register} disabled={disabled} />;
  return (
    <div className={styles.selects}>
      {items.map((_, position) => (
        <div key={position} className={styles.select}>
          <label htmlFor={`answer-${position}`}>{positionName(position)}</label>
          <select id={`answer-${position}`} name={`answer.${position}`} defaultValue="" required disabled={disabled}>
            <option value="">Choose…</option>
            {items.map((option) => (
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

/**
 * Tap the items in order: each tap puts one in the next position; a placed
 * item can be taken back, or all cleared. Each change is announced, and
 * focus moves to where the next step is, so it works by keyboard and
 * screen reader as well as by touch.
 */
function TapOrder({ items, register, disabled }: { items: PublicChoice[]; register: UseFormRegister<AnswerFields>; disabled: boolean }) {
  const [order, setOrder] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const root = useRef<HTMLDivElement>(null);
  /** What to focus once the change is drawn: a button of this control, or (null) the form's submit button. */
  const focusNext = useRef<string | null | undefined>(undefined);
  const nextLabel = useId();
  const field = register("answer");
  const textOf = (id: string) => items.find((item) => item.id === id)?.text ?? id;
  const left = items.filter((item) => !order.includes(item.id));

  useEffect(() => {
    const selector = focusNext.current;
    focusNext.current = undefined;
    if (selector === undefined) return;
    const target = selector === null ? root.current?.closest("form")?.querySelector("[type=submit]") : root.current?.querySelector(selector);
    if (target instanceof HTMLElement) target.focus();
  }, [order]);

  function update(next: string[], message: string, focus: string | null) {
    setOrder(next);
    const remaining = items.length - next.length;
    setStatus(`${message} ${remaining === 0 ? `All ${items.length} placed.` : `${remaining} to place.`}`);
    focusNext.current = focus;
    // Only a complete order is an answer: until then the form's check finds none and says so. The
    // registered change handler stores a plain target's value, so no hidden input is needed.
    void field.onChange({ target: { name: field.name, value: next.length === items.length ? next : undefined }, type: "change" });
  }

  function place(id: string) {
    const remaining = left.filter((item) => item.id !== id);
    // Focus stays at this spot in the list of items left; when none is left, it moves on to the form's button.
    const following = remaining[Math.min(left.findIndex((item) => item.id === id), remaining.length - 1)];
    update([...order, id], `“${textOf(id)}” is ${positionName(order.length)}.`, following ? `[data-place="${following.id}"]` : null);
  }

  function takeBack(position: number) {
    const id = order[position] ?? "";
    const next = order.filter((_, index) => index !== position);
    const stay = Math.min(position, next.length - 1);
    update(next, `“${textOf(id)}” taken back.`, stay >= 0 ? `[data-take="${stay}"]` : `[data-place="${id}"]`);
  }

  return (
    <div ref={root} className={styles.order}>
      {order.length > 0 && (
        <>
          <div className={styles.bar}>
            <p className={styles.heading}>Your order</p>
            <button
              type="button"
              className={styles.small}
              disabled={disabled}
              onClick={() => update([], "Order cleared.", `[data-place="${items[0]?.id ?? ""}"]`)}
            >
              Clear<span className="visually-hidden"> the order</span>
            </button>
          </div>
          <ol className={styles.placed}>
            {order.map((id, position) => (
              <li key={id} className={styles.item}>
                <span className={styles.position} aria-hidden="true">
                  {positionName(position)}
                </span>
                <span className={styles.text}>{textOf(id)}</span>
                <button type="button" className={styles.remove} data-take={position} disabled={disabled} onClick={() => takeBack(position)}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">Take back “{textOf(id)}”</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <p role="status" className={styles.status}>
        {status}
      </p>
      {left.length > 0 && (
        <>
          <p className={styles.heading} id={nextLabel}>
            {order.length === 0 && "Tap the items in order. "}Which is {positionName(order.length)}?
          </p>
          <ul className={styles.pool} aria-labelledby={nextLabel}>
            {left.map((item) => (
              <li key={item.id}>
                <button type="button" className={styles.choice} data-place={item.id} disabled={disabled} onClick={() => place(item.id)}>
                  <span className="visually-hidden">Place {positionName(order.length)}: </span>
                  {item.text}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

import { CLASSROOM_MESSAGES } from "@/lib/classroom/errors";
import { checkNicknameText, NICKNAME_MESSAGES } from "@/lib/nickname-text";
import { QUIZ_MESSAGES } from "@/lib/quiz/errors";

/**
 * A plain form post (no JavaScript) that is refused goes back to the form's
 * page (303, lib/http/handle-route.ts) with why in the query: `refused` (the
 * error's code), `field` (the field at fault) and the values that are safe
 * to show again (a nickname, the quiz's choices), under their own names.
 * The form reads them (components/ui/use-refusal.ts) and shows the message
 * beside the field, filled in again.
 *
 * Only codes travel, never text: the message is looked up here, so a
 * crafted link cannot put its own words on the site. Client-safe and free
 * of Zod (form pages load Zod only when a form is used): the query is
 * checked against the tables below, and anything else is ignored.
 */

export const REFUSED_PARAM = "refused";
export const FIELD_PARAM = "field";
/** Longer echoed values are not ours to show again (a nickname is at most 500 characters before it is refused). */
const MAX_ECHO_LENGTH = 500;

const SERVICE_BUSY = "Scores and answers cannot be saved right now. Please wait a few seconds and try again.";

/** What a person reads for each code a form post can be refused with (lib/public-error.ts, lib/http). */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  invalid_nickname: NICKNAME_MESSAGES.offensive,
  nickname_taken: NICKNAME_MESSAGES.taken,
  already_named: QUIZ_MESSAGES.alreadyNamed,
  not_finished: QUIZ_MESSAGES.notFinished,
  not_found: "This could not be found: it may have expired. Please start again.",
  conflict: "This had already moved on (perhaps in another tab or on another device). The page now shows where it is.",
  invalid_answer: "That is not one of this question’s answers. Please choose one of them.",
  not_joined: CLASSROOM_MESSAGES.notPlayer,
  removed: CLASSROOM_MESSAGES.removed,
  not_host: CLASSROOM_MESSAGES.notHost,
  locked: CLASSROOM_MESSAGES.locked,
  full: CLASSROOM_MESSAGES.full,
  waiting: CLASSROOM_MESSAGES.waiting,
  waiting_full: CLASSROOM_MESSAGES.waitingFull,
  ended: CLASSROOM_MESSAGES.ended,
  closed: CLASSROOM_MESSAGES.closed,
  rate_limited: "That was a lot of tries in a short time. Please wait a minute, then try again.",
  store_unavailable: SERVICE_BUSY,
};

/** A refused value, by field: what the person can change. */
const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  answer: "Choose an answer.",
  length: "Choose 5, 10 or 20 questions.",
  topic: "Choose a topic from the list, or all topics.",
  mode: "Choose live or homework.",
  timer: "Choose a timer, or no timer.",
  scoring: "Choose how to score.",
  dueInHours: "Choose when the homework is due.",
  nickname: NICKNAME_MESSAGES.empty,
};

const GENERIC = "Something went wrong. Please check the form and try again.";

export interface Refusal {
  code: string;
  /** The field the message belongs beside; none for the whole form. */
  field: string | undefined;
  message: string;
  /** The values sent, as echoed back (strings, as the form holds them). */
  values: Readonly<Record<string, string>>;
}

/** The page a refused plain form goes back to: `back` with the code, the field and the echoed values. */
export function refusedHref(back: string, refusal: { code: string; field?: string }, echoed: Readonly<Record<string, string>> = {}): string {
  const url = new URL(back, "http://form.invalid");
  for (const [name, value] of Object.entries(echoed)) if (value.length <= MAX_ECHO_LENGTH) url.searchParams.set(name, value);
  url.searchParams.set(REFUSED_PARAM, refusal.code);
  if (refusal.field) url.searchParams.set(FIELD_PARAM, refusal.field);
  return `${url.pathname}${url.search}`;
}

/** The message for a field's refused value; the nickname's is worked out again from the value. */
function fieldMessage(field: string, values: Readonly<Record<string, string>>): string {
  if (field === "nickname") {
    const checked = checkNicknameText(values.nickname ?? "");
    return checked.ok ? GENERIC : checked.message;
  }
  return FIELD_MESSAGES[field.split(".")[0] ?? ""] ?? GENERIC;
}

/**
 * The refusal a page's query describes, or undefined. `echo`: the names of
 * the values the form shows again. A code or field this site does not use
 * gets the generic message; no text from the query is ever shown as a message.
 */
export function readRefusal(query: URLSearchParams, echo: readonly string[] = []): Refusal | undefined {
  const code = query.get(REFUSED_PARAM);
  if (!code || !/^[a-z_]{1,40}$/.test(code)) return undefined;
  const rawField = query.get(FIELD_PARAM);
  const field = rawField && /^[A-Za-z][\w.]{0,40}$/.test(rawField) ? rawField : undefined;
  const values: Record<string, string> = {};
  for (const name of echo) {
    const value = query.get(name);
    if (value !== null && value.length <= MAX_ECHO_LENGTH) values[name] = value;
  }
  const message = (field && code === "invalid_request" ? fieldMessage(field, values) : CODE_MESSAGES[code]) ?? GENERIC;
  return { code, field, message, values };
}

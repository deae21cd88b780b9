/**
 * The nickname rules a browser can check without the word list: Unicode
 * clean-up and length, free of Zod so that a form's page can show the limit
 * and the messages without loading it (the schemas that apply these rules
 * to request bodies are in `./nickname-schema`). The services then run
 * `@/lib/nickname`, which adds the profanity filter (server-only: the word
 * list would add 15 kB to every page with a nickname field) and refuses
 * with `invalid_nickname` (422).
 *
 * Pipeline: NFKC → remove invisible/format characters → collapse whitespace
 * → trim → length in graphemes (→ profanity filter, on the server). The
 * filter sees the normalized text, so zero-width joiners, bidi tricks and
 * fullwidth letters cannot smuggle a word past it.
 */

export const NICKNAME_MAX_GRAPHEMES = 20;

export type NicknameRefusal = "empty" | "too-long" | "offensive";

export type NicknameResult =
  | { ok: true; nickname: string }
  | { ok: false; reason: NicknameRefusal; message: string };

/** Hard cap before any work, so a megabyte of input costs nothing. */
const MAX_RAW_LENGTH = 500;
/**
 * More combining marks than this on one letter is "Zalgo" text that smears
 * over neighbouring lines. Real scripts stay well below it (a Devanagari
 * conjunct such as "स्त्री" carries three).
 */
const MAX_MARKS_PER_GRAPHEME = 6;

/*
 * Characters that render as nothing (or reorder what follows) and so let
 * two different-looking strings compare equal, or hide letters:
 * - \p{Cf}: format characters, which include the zero-width space/joiners
 *   (U+200B–U+200D), word joiner (U+2060–U+2064), BOM (U+FEFF), soft hyphen,
 *   and every bidi control (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069).
 *   ZWJ/ZWNJ also go: an emoji family then counts as its members, and a
 *   Persian name loses a joining hint but stays readable.
 * - Hangul fillers, the braille blank and the Mongolian vowel separator:
 *   letters that draw nothing, used to make "blank" names.
 * - \p{Cs}: lone UTF-16 surrogates, half of a character that no keyboard
 *   sends alone and no store can keep as text.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu;
/** Control characters other than whitespace are dropped; tabs and newlines become spaces. */
const CONTROL = /[\p{Cc}]/gu;
const WHITESPACE = /[\s\p{Zs}\u2028\u2029]+/gu;
const MARK = /\p{M}/gu;

/*
 * Made on first use: building a segmenter loads the browser's grapheme data, which every page with a form (this
 * module is in their first load) would otherwise pay for while loading: 130 ms of main thread at Lighthouse's 4×
 * slowdown, a third of a question page's blocking time.
 */
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(text);

export function countGraphemes(text: string): number {
  let count = 0;
  for (const segment of graphemes(text)) {
    void segment;
    count += 1;
  }
  return count;
}

function hasStackedMarks(text: string): boolean {
  for (const { segment } of graphemes(text)) {
    if ((segment.match(MARK)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME) return true;
  }
  return false;
}

/** The cleaning steps, without the checks (exported for tests and for display). */
export function cleanNickname(input: string): string {
  return input
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(CONTROL, (ch) => (/\s/u.test(ch) ? " " : ""))
    .replace(WHITESPACE, " ")
    .trim();
}

export const NICKNAME_MESSAGES = {
  empty: "Please type a nickname: at least one letter, number or emoji.",
  tooLong: (count: number) =>
    `Nicknames can be up to ${NICKNAME_MAX_GRAPHEMES} characters; this one has ${count}. Please shorten it.`,
  stackedMarks: "That nickname stacks too many accent marks on one letter. Please use plain letters.",
  offensive: "That nickname isn't allowed here. Try another.",
  taken: "Someone in this class already has that name. Add a letter or a number, or leave it empty for a generated name.",
} as const;

/** Every rule but the profanity filter. */
export function checkNicknameText(input: string): NicknameResult {
  if (input.length > MAX_RAW_LENGTH) {
    return { ok: false, reason: "too-long", message: NICKNAME_MESSAGES.tooLong(countGraphemes(input.slice(0, MAX_RAW_LENGTH))) };
  }
  const nickname = cleanNickname(input);
  if (nickname === "") return { ok: false, reason: "empty", message: NICKNAME_MESSAGES.empty };

  const length = countGraphemes(nickname);
  if (length > NICKNAME_MAX_GRAPHEMES) {
    return { ok: false, reason: "too-long", message: NICKNAME_MESSAGES.tooLong(length) };
  }
  if (hasStackedMarks(nickname)) return { ok: false, reason: "too-long", message: NICKNAME_MESSAGES.stackedMarks };
  return { ok: true, nickname };
}

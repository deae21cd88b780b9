import "server-only";
import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  pattern,
} from "obscenity";
import { checkNicknameText, countGraphemes, NICKNAME_MESSAGES, type NicknameResult } from "./nickname-text";

/**
 * Nicknames for the quiz leaderboard and classroom joins, as the services
 * check them: the browser's rules (`./nickname-text`) plus a profanity
 * filter. Server-only: the word list stays out of the pages.
 */

export { cleanNickname, countGraphemes, NICKNAME_MAX_GRAPHEMES, type NicknameRefusal, type NicknameResult } from "./nickname-text";

/*
 * Real names the English word list catches as a substring. Each is
 * whitelisted only as a whole word (the text is padded with spaces and the
 * term carries them too), spelled plainly: "Dick Smith" passes, "dickhead",
 * "bigdick" and "D1ck" do not.
 *
 * "Dick" itself is allowed: it is a common English given name (Dick Van
 * Dyke, Dick Cheney), and a leaderboard that refuses it tells a real person
 * their name is obscene. The cost — a child typing "Dick" as a joke — is
 * the same as for any ordinary name used mockingly, and teachers can clear a
 * classroom board. Deliberately NOT whitelisted: "Kike" (a Spanish
 * diminutive, but also an antisemitic slur; "Quique" is the usual
 * alternative spelling) and "Semen" (a transliteration of Semyon; "Semyon"
 * and "Semenov" pass).
 */
const NAME_WHITELIST = [
  "dick",
  "dickie",
  "dickon",
  "dickson",
  "dickinson",
  "analise",
  "analisa",
  "analia",
  "analía",
  "anusha",
  "anushka",
  "anuschka",
  "cumhur",
  "cumali",
  "cumaali",
  "fukuda",
  "fukui",
  "shittu",
  "dikshit",
  "shitij",
  "shitanshu",
  "semenov",
  "semenova",
  "rapeepat",
  "rapeeporn",
  "pornpimol",
  "pornthip",
  "pornchai",
  "pornsak",
  "hooker",
  "penistone",
  "slutsky",
].map((name) => ` ${name} `);

/*
 * Additions for a public board on a site about politics, and gaps the
 * English list has after its duplicate-collapsing transformer ("jizz" is
 * collapsed to "jiz" before matching, so the stock pattern never fires).
 * `|` marks a word boundary. "nazi" is bounded on both sides because Nazia
 * and Nazir are common names.
 */
const siteDataset = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .addPhrase((p) => p.setMetadata({ originalWord: "jizz" }).addPattern(pattern`jiz`))
  .addPhrase((p) => p.setMetadata({ originalWord: "slut" }).addPattern(pattern`|siut`))
  // "Dick" alone is a name (whitelisted), so its compounds written as two words are listed.
  .addPhrase((p) => p.setMetadata({ originalWord: "dick" }).addPattern(pattern`dick head`).addPattern(pattern`big dick`))
  .addPhrase((p) => p.setMetadata({ originalWord: "hitler" }).addPattern(pattern`hitler`))
  .addPhrase((p) =>
    p.setMetadata({ originalWord: "nazi" }).addPattern(pattern`|nazi|`).addPattern(pattern`|nazis|`),
  )
  .addPhrase((p) =>
    p.setMetadata({ originalWord: "kys" }).addPattern(pattern`|kys|`).addPattern(pattern`kill yourself`),
  );

const built = siteDataset.build();

/** Matches whole words of real names (see NAME_WHITELIST). */
const nameAwareMatcher = new RegExpMatcher({
  ...built,
  whitelistedTerms: [...(built.whitelistedTerms ?? []), ...NAME_WHITELIST],
  ...englishRecommendedTransformers,
});

/** For letters spread out with separators: no name whitelist, "d i c k" is never a name. */
const strictMatcher = new RegExpMatcher({ ...built, ...englishRecommendedTransformers });

/** Separators people put between letters to dodge filters: "f u c k", "f.u.c.k", "f_u-c*k". */
const SEPARATORS = /[\s._\-*+~|/\\,:;'"`^=#]+/u;

const INNER_PUNCTUATION = /[._*+~|/\\,:;"`^=#]/gu;

/**
 * Runs of one-character tokens, joined: "f u c k you" → ["fuck"]. Real names
 * rarely have two single letters in a row ("J R R Tolkien" → "jrr", harmless).
 */
function spacedOutRuns(text: string): string[] {
  const runs: string[] = [];
  let current = "";
  for (const token of text.split(SEPARATORS)) {
    if (token !== "" && countGraphemes(token) === 1) {
      current += token;
    } else {
      if (current.length > 1) runs.push(current);
      current = "";
    }
  }
  if (current.length > 1) runs.push(current);
  return runs;
}

function isOffensive(text: string): boolean {
  if (nameAwareMatcher.hasMatch(` ${text} `)) return true;
  // Punctuation inside a word ("fu.ck", "sh*t"): drop it but keep spaces, so
  // words are not merged. Hyphens and apostrophes stay: names use them.
  const squeezed = text.replace(INNER_PUNCTUATION, "");
  if (squeezed !== text && nameAwareMatcher.hasMatch(` ${squeezed} `)) return true;
  return spacedOutRuns(text).some((run) => strictMatcher.hasMatch(run));
}

export function normalizeNickname(input: string): NicknameResult {
  const result = checkNicknameText(input);
  if (result.ok && isOffensive(result.nickname)) return { ok: false, reason: "offensive", message: NICKNAME_MESSAGES.offensive };
  return result;
}

// --- Generated names -------------------------------------------------------

/*
 * Neutral, friendly words with no political or national meaning, and no
 * pair that reads badly together. Every combination is checked by the
 * tests to pass normalizeNickname and fit in 20 characters.
 */
export const FRIENDLY_ADJECTIVES = [
  "Brave", "Bright", "Calm", "Clever", "Curious", "Eager", "Gentle", "Happy",
  "Jolly", "Keen", "Kind", "Lively", "Lucky", "Merry", "Mighty", "Nimble",
  "Patient", "Polite", "Quick", "Quiet", "Sharp", "Shiny", "Steady", "Sunny",
  "Swift", "Tidy", "Witty", "Wise", "Zesty",
] as const;

export const FRIENDLY_NOUNS = [
  "Badger", "Beaver", "Bison", "Crane", "Dolphin", "Falcon", "Finch", "Fox",
  "Gecko", "Heron", "Koala", "Lark", "Lemur", "Lynx", "Marten", "Moose",
  "Narwhal", "Otter", "Owl", "Panda", "Pelican", "Puffin", "Quail", "Robin",
  "Salmon", "Seal", "Sparrow", "Swan", "Tortoise", "Walrus", "Wombat", "Wren",
] as const;

/** Uniform integer in [0, max) from a CSPRNG, by rejection to avoid modulo bias. */
function secureRandomInt(max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % max;
  }
}

function pick<T>(list: readonly T[], randomInt: (max: number) => number): T {
  const item = list[randomInt(list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** "Brave Heron 42": adjective, animal and a number from 10 to 99. */
export function friendlyName(randomInt: (max: number) => number = secureRandomInt): string {
  const number = 10 + randomInt(90);
  return `${pick(FRIENDLY_ADJECTIVES, randomInt)} ${pick(FRIENDLY_NOUNS, randomInt)} ${number}`;
}

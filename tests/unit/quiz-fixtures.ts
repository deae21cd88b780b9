import type { Topic } from "@/lib/content/schemas";
import { createBank, type QuestionBank } from "@/lib/questions/bank-validate";
import type { ContentLookups } from "@/lib/questions/feedback";
import { Difficulty, Question } from "@/lib/questions/schemas";
import type { z } from "zod";

/**
 * A question bank for tests, independent of content/quiz (which changes with
 * the content): one hand-written question of each kind, plus generated ones
 * so every topic × difficulty × kind combination exists.
 */

export const TOPICS: readonly Topic[] = ["threats-2017", "meetings", "letters", "stalemate", "russia", "second-term"];

const common = {
  version: 1,
  era: "2018-19",
  sources: ["src-one"],
  learnMore: { slug: "the-three-meetings", anchor: "singapore" },
} as const;

/** A question's own fields: all but the ones every fixture shares. */
type OwnFields<Q> = Q extends unknown ? Omit<Q, keyof typeof common> : never;

/** A fixture question: its own fields over the shared ones, checked as the bank checks questions. */
function fixture(fields: OwnFields<z.input<typeof Question>>): Question {
  return Question.parse({ ...common, ...fields });
}

/** Choices in the order given, from their ids and texts: `choices({ dmz: "The DMZ" })` is `[{ id: "dmz", text: "The DMZ" }]`. */
export const choices = (texts: Record<string, string>) => Object.entries(texts).map(([id, text]) => ({ id, text }));

export const singleQ = fixture({
  kind: "single",
  id: "fx-single",
  difficulty: "easy",
  topics: ["meetings"],
  prompt: "Where did the first meeting take place?",
  explanation: "The first meeting was in Singapore, on Sentosa island.",
  options: choices({ hanoi: "Hanoi", singapore: "Singapore", panmunjom: "Panmunjom", stockholm: "Stockholm" }),
  answer: "singapore",
});

export const trueFalseQ = fixture({
  kind: "true-false",
  id: "fx-true-false",
  difficulty: "medium",
  topics: ["meetings"],
  prompt: "The Hanoi summit ended with a signed agreement.",
  explanation: "It ended early, without an agreement; the signing was cancelled.",
  answer: false,
});

export const orderQ = fixture({
  kind: "order",
  id: "fx-order",
  difficulty: "hard",
  topics: ["meetings", "stalemate"],
  prompt: "Put these meetings in order, earliest first.",
  explanation: "Singapore came first, then Hanoi, then the DMZ.",
  items: choices({ singapore: "Singapore", hanoi: "Hanoi", dmz: "The DMZ" }),
});

export const whoSaidQ = fixture({
  kind: "who-said",
  id: "fx-who-said",
  difficulty: "medium",
  topics: ["threats-2017"],
  prompt: "Who said it?",
  quote: "They will be met with fire and fury like the world has never seen.",
  context: "At a golf club in New Jersey, August 2017.",
  explanation: "It was said at Bedminster on 8 August 2017, as a warning to Pyongyang.",
  options: choices({ trump: "Donald Trump", kim: "Kim Jong-un", "kim-yo-jong": "Kim Yo-jong" }),
  answer: "trump",
});

export const estimateQ = fixture({
  kind: "estimate",
  id: "fx-estimate",
  difficulty: "hard",
  topics: ["letters"],
  prompt: "How many letters did the two leaders exchange?",
  explanation: "Twenty-seven letters, by the count in Bob Woodward's book Rage.",
  unit: "letters",
  range: { min: 0, max: 60, step: 1 },
  answer: 27,
  closeness: { full: 2, none: 15 },
});

export const HANDWRITTEN: readonly Question[] = [singleQ, trueFalseQ, orderQ, whoSaidQ];

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo"] as const;

/** A valid question of the given kind; item ids "charlie, alpha, bravo…" never sort into the answer. */
export function makeQuestion(id: string, kind: Question["kind"], difficulty: Difficulty, topics: Topic[], size = 4): Question {
  const base = { id, difficulty, topics, prompt: `Generated question ${id}?`, explanation: `Generated explanation for ${id}.` };
  const words = choices(Object.fromEntries(WORDS.slice(0, size).map((word) => [word, `Choice ${word}`])));
  switch (kind) {
    case "single":
      return fixture({ ...base, kind, options: words, answer: WORDS[1] });
    case "true-false":
      return fixture({ ...base, kind, answer: id.length % 2 === 0 });
    case "order":
      return fixture({ ...base, kind, items: [...words].reverse() });
    case "who-said":
      return fixture({ ...base, kind, quote: "A quotation.", context: "Somewhere, some time.", options: words.slice(0, 3), answer: WORDS[2] });
    case "estimate":
      return fixture({ ...base, kind, unit: "letters", range: { min: 0, max: 60, step: 1 }, answer: 27, closeness: { full: 2, none: 15 } });
  }
}

/** Every topic × difficulty × kind once: 6 × 3 × 4 = 72 questions, plus the handwritten four. */
export function generatedQuestions(): Question[] {
  const kinds: Question["kind"][] = ["single", "true-false", "order", "who-said"];
  const out: Question[] = [];
  for (const topic of TOPICS) {
    for (const difficulty of Difficulty.options) {
      for (const kind of kinds) {
        out.push(makeQuestion(`gen-${topic}-${difficulty}-${kind}`, kind, difficulty, [topic], kind === "order" ? 5 : 4));
      }
    }
  }
  return out;
}

export const fixtureLookups: ContentLookups = {
  source: (id) => ({ id, publisher: "Fixture Press", title: `Title of ${id}`, url: `https://example.org/${id}` }),
  learnMore: (slug, anchor) => ({ href: `/explainers/${slug}#${anchor}`, label: `${slug}: ${anchor}` }),
  corrections: () => [],
};

export function fixtureBank(questions: readonly Question[] = [...HANDWRITTEN, ...generatedQuestions()]): QuestionBank {
  return createBank(questions, fixtureLookups);
}

/** A deterministic RandomInt from a seed (mulberry32), for reproducible draws. */
export function seededRandom(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(value * max);
  };
}

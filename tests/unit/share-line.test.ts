import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/bank";
import { displayAnswer } from "@/lib/questions/feedback";
import type { NormalizedAnswer, Question } from "@/lib/questions/schemas";
import { answerKey, correctness, isCorrect } from "@/lib/questions/scoring";
import { shareLine } from "@/lib/share/share-line";

/**
 * The share line is pasted into public chats, so it must never give an
 * answer away. Checked over many generated results on the real question
 * bank: players answering at random (right or wrong), in any order.
 */

const bank = loadBank();
const questions = bank.questions;

/** Any answer a player could give: an option, true/false, or an ordering of the items. */
function answerFor(question: Question): fc.Arbitrary<NormalizedAnswer> {
  switch (question.kind) {
    case "single":
    case "who-said":
      return fc.constantFrom(...question.options.map((option) => option.id));
    case "true-false":
      return fc.constantFrom("true", "false");
    case "order":
      return fc.shuffledSubarray(
        question.items.map((item) => item.id),
        { minLength: question.items.length, maxLength: question.items.length },
      );
    case "estimate": {
      const steps = Math.round((question.range.max - question.range.min) / question.range.step);
      return fc.integer({ min: 0, max: steps }).map((n) => String(question.range.min + n * question.range.step));
    }
  }
}

/** An answer that is right, or one of the wrong ones. */
const answerAs = (question: Question, right: boolean): fc.Arbitrary<NormalizedAnswer> =>
  right ? fc.constant(answerKey(question)) : answerFor(question).filter((answer) => !isCorrect(question, answer));

const playedQuiz = fc
  .shuffledSubarray([...questions], { minLength: 1, maxLength: 20 })
  .chain((picked) => fc.tuple(...picked.map((question) => answerFor(question).map((answer) => ({ question, answer })))));

/** Every text that could give an answer away: options, items, keys and explanations, as a reader would see them. */
function revealing(question: Question, answer: NormalizedAnswer): string[] {
  const shown = (value: string | string[]) => [value].flat();
  const choices = question.kind === "order" ? question.items : question.kind === "true-false" || question.kind === "estimate" ? [] : question.options;
  return [
    ...choices.map((choice) => choice.text),
    ...shown(displayAnswer(question, answer)),
    ...shown(displayAnswer(question, answerKey(question))),
    question.explanation,
    question.prompt,
    ...(question.kind === "who-said" ? [question.quote] : []),
  ];
}

/** A played quiz as its results summary counts it (lib/quiz/results.ts). */
function score(entries: readonly { question: Question; answer: NormalizedAnswer }[]) {
  const marks = entries.map(({ question, answer }) => correctness(question, answer));
  return { score: marks.filter(Boolean).length, total: marks.length, marks };
}

const SHAPE = /^Trump and Kim quiz: (\d+)\/(\d+)\n(?:[✅❌]{1,10}\n)+Can you beat my score\?$/u;

describe("the share line", () => {
  it("is the score and one mark per question, nothing from any question or answer", () => {
    fc.assert(
      fc.property(playedQuiz, (entries) => {
        const scored = score(entries);
        const marks = scored.marks;
        const line = shareLine(scored);

        const shape = SHAPE.exec(line);
        expect(shape, line).not.toBeNull();
        expect(shape?.slice(1, 3)).toEqual([String(scored.score), String(scored.total)]);
        expect([...line.matchAll(/[✅❌]/gu)].map((m) => m[0] === "✅")).toEqual(marks);

        // Digits only ever come from the score (checked above); a numeric option such as "11" may equal it.
        for (const { question, answer } of entries) {
          for (const text of revealing(question, answer).filter((t) => !/^\d+$/.test(t))) {
            expect(line.includes(text), `"${text}" in:\n${line}`).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is the same for two players with the same marks, whatever they answered", () => {
    // Two players on the same questions, each right (or each wrong, possibly with different wrong answers).
    const twoPlayers = fc.shuffledSubarray([...questions], { minLength: 1, maxLength: 20 }).chain((picked) =>
      fc.tuple(
        ...picked.map((question) =>
          fc.boolean().chain((right) => fc.tuple(answerAs(question, right), answerAs(question, right)).map((pair) => ({ question, pair }))),
        ),
      ),
    );
    fc.assert(
      fc.property(twoPlayers, (played) => {
        const lineOf = (which: 0 | 1) => {
          return shareLine(score(played.map(({ question, pair }) => ({ question, answer: pair[which] }))));
        };
        expect(lineOf(0)).toBe(lineOf(1));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps ten marks to a row", () => {
    const marks = Array.from({ length: 20 }, (_, i) => i % 3 !== 0);
    const rows = shareLine({ score: 13, total: 20, marks }).split("\n").slice(1, -1);
    expect(rows.map((row) => [...row].length)).toEqual([10, 10]);
  });
});

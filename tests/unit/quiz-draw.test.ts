import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceOrder, drawAttempt, drawQuestions, shuffle, type RandomInt } from "@/lib/questions/draw";
import { Difficulty, type Question } from "@/lib/questions/schemas";
import { HANDWRITTEN, TOPICS, generatedQuestions, makeQuestion, orderQ, seededRandom, singleQ, trueFalseQ } from "./quiz-fixtures";

const BANK = [...HANDWRITTEN, ...generatedQuestions()];
const ids = (questions: readonly Question[]) => questions.map((q) => q.id);
const countBy = (questions: readonly Question[]) =>
  Object.fromEntries(Difficulty.options.map((d) => [d, questions.filter((q) => q.difficulty === d).length]));

/** fast-check drives the random source: an array of numbers in [0,1) consumed in turn. */
const randomFrom = (values: readonly number[]): RandomInt => {
  let i = 0;
  return (max) => Math.min(max - 1, Math.floor((values[i++ % values.length] ?? 0) * max));
};
const arbRandom = fc.array(fc.double({ min: 0, max: 0.999_999, noNaN: true }), { minLength: 1, maxLength: 50 }).map(randomFrom);

describe("drawQuestions", () => {
  it("draws N distinct questions", () => {
    for (const length of [5, 10, 20]) {
      const drawn = drawQuestions(BANK, { length }, seededRandom(length));
      expect(drawn).toHaveLength(length);
      expect(new Set(ids(drawn)).size).toBe(length);
    }
  });

  it("draws only the topic asked for", () => {
    const drawn = drawQuestions(BANK, { length: 10, topic: "letters" }, seededRandom(1));
    expect(drawn).toHaveLength(10);
    expect(drawn.every((q) => q.topics.includes("letters"))).toBe(true);
  });

  it("returns all of a topic, and reports the real length, when it has fewer than N", () => {
    const small = [singleQ, trueFalseQ, orderQ, makeQuestion("other", "single", "easy", ["russia"])];
    const draw = drawAttempt(small, { length: 20, topic: "meetings" }, seededRandom(2));
    expect(draw.length).toBe(3);
    expect(new Set(draw.questions.map((d) => d.question.id))).toEqual(new Set(["fx-single", "fx-true-false", "fx-order"]));
  });

  it("returns nothing for a topic without questions", () => {
    expect(drawAttempt([singleQ], { length: 5, topic: "russia" }, seededRandom(3)).length).toBe(0);
  });

  it("spreads across difficulties, easy first", () => {
    const drawn = drawQuestions(BANK, { length: 20 }, seededRandom(4));
    const counts = countBy(drawn);
    expect(Math.max(...Object.values(counts)) - Math.min(...Object.values(counts))).toBeLessThanOrEqual(1);
    const order = drawn.map((q) => Difficulty.options.indexOf(q.difficulty));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("fills from other difficulties when one runs out", () => {
    const bank = [
      makeQuestion("e1", "single", "easy", ["letters"]),
      ...Array.from({ length: 8 }, (_, i) => makeQuestion(`m${"abcdefgh"[i]}`, "single", "medium", ["letters"])),
      ...Array.from({ length: 8 }, (_, i) => makeQuestion(`h${"abcdefgh"[i]}`, "single", "hard", ["letters"])),
    ];
    for (let seed = 0; seed < 10; seed += 1) {
      const counts = countBy(drawQuestions(bank, { length: 10 }, seededRandom(seed)));
      expect(counts.easy).toBe(1);
      expect([counts.medium, counts.hard].sort()).toEqual([4, 5]);
    }
  });

  it("spreads a mixed quiz across topics", () => {
    const drawn = drawQuestions(BANK, { length: 20 }, seededRandom(6));
    expect(new Set(drawn.map((q) => q.topics[0])).size).toBe(TOPICS.length);
  });

  it("property: distinct, right length, right topic, balanced unless a difficulty is exhausted", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 10, 20),
        fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
        fc.subarray(BANK, { minLength: 0 }),
        arbRandom,
        (length, topic, bank, random) => {
          const pool = topic ? bank.filter((q) => q.topics.includes(topic)) : bank;
          const drawn = drawQuestions(bank, { length, topic }, random);
          expect(drawn).toHaveLength(Math.min(length, pool.length));
          expect(new Set(ids(drawn)).size).toBe(drawn.length);
          if (topic) expect(drawn.every((q) => q.topics.includes(topic))).toBe(true);
          const counts = countBy(drawn);
          const available = countBy(pool);
          for (const a of Difficulty.options) {
            for (const b of Difficulty.options) {
              // If a has two fewer than b, a must have run out.
              if ((counts[a] ?? 0) < (counts[b] ?? 0) - 1) expect(counts[a]).toBe(available[a]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("choiceOrder", () => {
  it("is a permutation of the options", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BANK), arbRandom, (question, random) => {
        const order = choiceOrder(question, random);
        if (question.kind === "true-false" || question.kind === "estimate") expect(order).toEqual([]);
        else {
          const expected = question.kind === "order" ? question.items.map((i) => i.id) : question.options.map((o) => o.id);
          expect([...order].sort()).toEqual([...expected].sort());
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: never shows an ordering question already solved", () => {
    const orderQuestions = BANK.filter((q) => q.kind === "order");
    fc.assert(
      fc.property(fc.constantFrom(...orderQuestions), arbRandom, (question, random) => {
        if (question.kind !== "order") return;
        expect(choiceOrder(question, random)).not.toEqual(question.items.map((i) => i.id));
      }),
      { numRuns: 1000 },
    );
  });

  it("falls back safely when the random source always returns the solved order", () => {
    if (orderQ.kind !== "order") throw new Error("fixture");
    // Fisher–Yates with j = i everywhere is the identity: the solved order, every time.
    const identity: RandomInt = (max) => max - 1;
    expect(shuffle(["a", "b", "c"], identity)).toEqual(["a", "b", "c"]);
    expect(choiceOrder(orderQ, identity)).toEqual(["hanoi", "dmz", "singapore"]);
  });

  it("puts the answer in every position over many shuffles", () => {
    if (singleQ.kind !== "single") throw new Error("fixture");
    const random = seededRandom(7);
    const positions = new Set<number>();
    for (let i = 0; i < 200; i += 1) positions.add(choiceOrder(singleQ, random).indexOf(singleQ.answer));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it("draws with the crypto source by default", () => {
    const draws = new Set(Array.from({ length: 20 }, () => drawAttempt(BANK, { length: 5 }).questions.map((d) => d.question.id).join()));
    expect(draws.size).toBeGreaterThan(1);
  });
});

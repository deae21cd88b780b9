import { describe, expect, it } from "vitest";
import { applyQuestionEdit, candidatesFor, SESSION_QUESTION_LIMITS } from "@/lib/classroom/question-edits";
import { questionEditSchema, questionFilterSchema } from "@/lib/classroom/requests";
import { isPreviewKey, previewKeyFor } from "@/lib/classroom/tokens";
import type { QuestionRef } from "@/lib/questions/refs";
import { classShareTargets } from "@/lib/share/share-targets";
import { fixtureBank, seededRandom } from "./quiz-fixtures";

const bank = fixtureBank();
const ref = (id: string): QuestionRef => ({ id, version: 1, order: [`${id}-order`] });
const refs = ["gen-russia-easy-single", "gen-russia-medium-order", "gen-letters-hard-who-said"].map(ref);
const random = seededRandom(7);
const ids = (list: readonly QuestionRef[]) => list.map((r) => r.id);
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  throw new Error("expected a refusal");
};

describe("changing a session's questions", () => {
  it("moves a question up or down, each keeping its option order; past either end nothing moves", () => {
    const down = applyQuestionEdit(bank, refs, { edit: "down", index: 0, version: 0 }, undefined, random);
    expect(down).toEqual([refs[1], refs[0], refs[2]]);
    expect(applyQuestionEdit(bank, refs, { edit: "up", index: 2, version: 0 }, undefined, random)).toEqual([refs[0], refs[2], refs[1]]);
    expect(applyQuestionEdit(bank, refs, { edit: "up", index: 0, version: 0 }, undefined, random)).toEqual(refs);
  });

  it("swaps a question for another on the same topic that the session does not have, with its own option order", () => {
    const swapped = applyQuestionEdit(bank, refs, { edit: "swap", index: 2, version: 0 }, undefined, random);
    const added = swapped[2];
    expect(ids(swapped.slice(0, 2))).toEqual(ids(refs.slice(0, 2)));
    expect(ids(refs)).not.toContain(added?.id);
    expect(bank.get(added?.id ?? "")?.topics).toContain("letters");
    expect(added?.order.length).toBeGreaterThan(0);
    // A session on one topic swaps within it, whatever the question's first topic.
    const onRussia = applyQuestionEdit(bank, refs, { edit: "swap", index: 2, version: 0 }, "russia", random);
    expect(bank.get(onRussia[2]?.id ?? "")?.topics).toContain("russia");
  });

  it("refuses a swap when every question on the topic is already in the session", () => {
    const all = bank.list("letters").map((q) => ref(q.id));
    expect(refusalOf(() => applyQuestionEdit(bank, all, { edit: "swap", index: 0, version: 0 }, undefined, random))).toBe("conflict");
  });

  it("adds from the bank up to the longest quiz, never the same question twice, and removes down to one", () => {
    const added = applyQuestionEdit(bank, refs, { edit: "add", questionId: "gen-meetings-easy-true-false", version: 0 }, undefined, random);
    expect(ids(added)).toEqual([...ids(refs), "gen-meetings-easy-true-false"]);
    expect(refusalOf(() => applyQuestionEdit(bank, refs, { edit: "add", questionId: refs[0]?.id ?? "", version: 0 }, undefined, random))).toBe("conflict");
    expect(refusalOf(() => applyQuestionEdit(bank, refs, { edit: "add", questionId: "no-such-question", version: 0 }, undefined, random))).toBe("not_found");
    const full = bank.questions.slice(0, SESSION_QUESTION_LIMITS.max).map((q) => ref(q.id));
    expect(refusalOf(() => applyQuestionEdit(bank, full, { edit: "add", questionId: "gen-meetings-easy-true-false", version: 0 }, undefined, random))).toBe("conflict");

    expect(ids(applyQuestionEdit(bank, refs, { edit: "remove", index: 1, version: 0 }, undefined, random))).toEqual([refs[0]?.id, refs[2]?.id]);
    expect(refusalOf(() => applyQuestionEdit(bank, refs.slice(0, 1), { edit: "remove", index: 0, version: 0 }, undefined, random))).toBe("conflict");
    expect(refusalOf(() => applyQuestionEdit(bank, refs, { edit: "remove", index: 3, version: 0 }, undefined, random))).toBe("not_found");
  });

  it("offers the bank's other questions, narrowed by topic and difficulty", () => {
    const candidates = candidatesFor(bank, refs, { topic: "russia", difficulty: "easy" });
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((q) => q.topics.includes("russia") && q.difficulty === "easy" && !ids(refs).includes(q.id))).toBe(true);
    const orderings = candidatesFor(bank, refs, { kind: "order" });
    expect(orderings.length).toBeGreaterThan(0);
    expect(orderings.every((q) => q.kind === "order")).toBe(true);
    expect(questionFilterSchema.parse({ topic: "", difficulty: "", kind: "estimate" })).toEqual({ kind: "estimate" });
    expect(questionFilterSchema.safeParse({ kind: "essay" }).success).toBe(false);
  });

  it("reads a plain form's change, and refuses one without its question", () => {
    expect(questionEditSchema.parse({ edit: "down", index: "2", version: "3", topic: "" })).toEqual({ edit: "down", index: 2, version: 3 });
    expect(questionEditSchema.safeParse({ edit: "add", version: "0" }).success).toBe(false);
    expect(questionEditSchema.safeParse({ edit: "down", version: "0" }).success).toBe(false);
    expect(questionEditSchema.safeParse({ edit: "shuffle", index: "0", version: "0" }).success).toBe(false);
  });
});

describe("a session's preview key", () => {
  it("opens the preview of its own session only, and is not the host hash", () => {
    const key = previewKeyFor("a".repeat(64));
    expect(isPreviewKey(key, "a".repeat(64))).toBe(true);
    expect(isPreviewKey(key, "b".repeat(64))).toBe(false);
    expect(isPreviewKey(undefined, "a".repeat(64))).toBe(false);
    expect(key).not.toContain("aaaa");
  });
});

describe("handing out homework", () => {
  it("links to Google Classroom's and Microsoft Teams' own share pages with the link encoded", () => {
    const url = "https://example.org/classroom/join?code=ABC123";
    const [google, teams] = classShareTargets({ url, title: "Class homework", text: "Our homework & more" });
    expect(google?.href).toBe(`https://classroom.google.com/share?url=${encodeURIComponent(url)}&title=Class%20homework`);
    expect(teams?.href).toBe(`https://teams.microsoft.com/share?href=${encodeURIComponent(url)}&msgText=Our%20homework%20%26%20more`);
  });
});

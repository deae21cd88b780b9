import type { Topic } from "@/lib/content/ids";
import type { QuestionBank } from "@/lib/questions/bank-validate";
import { choiceOrder, type RandomInt } from "@/lib/questions/draw";
import { QUIZ_LENGTHS } from "@/lib/questions/lengths";
import type { QuestionRef } from "@/lib/questions/refs";
import type { Question } from "@/lib/questions/schemas";
import { ClassroomError } from "./errors";
import type { QuestionEditInput, QuestionFilter } from "./requests";

/**
 * The teacher's changes to a session's question list, as a pure function of
 * the list: the service (./choose.ts) reads, applies one, and writes the new
 * list under the session's version. A moved question keeps its option
 * shuffle; a swapped-in or added one gets its own, as a drawn one would.
 */

/** One question at least (a session of none has nothing to play); at most the longest quiz a teacher can create. */
export const SESSION_QUESTION_LIMITS = { min: 1, max: Math.max(...QUIZ_LENGTHS) } as const;

const gone = () => new ClassroomError("not_found", "That question is no longer in this session. The list now shows what is.");

/** The topic a swap stays on: the session's, or when it has none, the question's own first. */
const swapTopic = (question: Question, sessionTopic: Topic | undefined) => sessionTopic ?? question.topics[0];

/** Bank questions that are not in the session, narrowed by the filter; bank order. */
export function candidatesFor(bank: QuestionBank, refs: readonly QuestionRef[], filter: QuestionFilter): Question[] {
  const taken = new Set(refs.map((ref) => ref.id));
  return bank
    .list(filter.topic)
    .filter((question) => !taken.has(question.id) && (!filter.difficulty || question.difficulty === filter.difficulty) && (!filter.kind || question.kind === filter.kind));
}

const refFor = (question: Question, random: RandomInt): QuestionRef => ({ id: question.id, version: question.version, order: choiceOrder(question, random) });

/** The session's list after one change, or a refusal a teacher can act on. */
export function applyQuestionEdit(
  bank: QuestionBank,
  refs: readonly QuestionRef[],
  edit: QuestionEditInput,
  sessionTopic: Topic | undefined,
  random: RandomInt,
): QuestionRef[] {
  const next = [...refs];
  if (edit.edit === "add") {
    if (refs.length >= SESSION_QUESTION_LIMITS.max) {
      throw new ClassroomError("conflict", `A session has at most ${SESSION_QUESTION_LIMITS.max} questions. Remove one before adding another.`);
    }
    const question = bank.get(edit.questionId);
    if (!question) throw new ClassroomError("not_found", "That question is not in the bank any more. Choose another.");
    if (refs.some((ref) => ref.id === question.id)) throw new ClassroomError("conflict", "That question is already in this session.");
    return [...next, refFor(question, random)];
  }
  const ref = refs[edit.index];
  if (!ref) throw gone();
  switch (edit.edit) {
    case "up":
    case "down": {
      const to = edit.edit === "up" ? edit.index - 1 : edit.index + 1;
      if (to < 0 || to >= refs.length) return next;
      next[edit.index] = refs[to] as QuestionRef;
      next[to] = ref;
      return next;
    }
    case "remove":
      if (refs.length <= SESSION_QUESTION_LIMITS.min) throw new ClassroomError("conflict", "A session needs at least one question. Add another before removing this one.");
      next.splice(edit.index, 1);
      return next;
    case "swap": {
      const question = bank.get(ref.id);
      const topic = question ? swapTopic(question, sessionTopic) : sessionTopic;
      const pool = candidatesFor(bank, refs, { topic });
      if (pool.length === 0) throw new ClassroomError("conflict", "Every question on this topic is already in the session: there is none to swap in.");
      next[edit.index] = refFor(pool[random(pool.length)] as Question, random);
      return next;
    }
  }
}

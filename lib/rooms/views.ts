import type { QuestionBank } from "@/lib/quiz/bank-validate";
import { displayAnswer } from "@/lib/quiz/feedback";
import { toPublicQuestion } from "@/lib/quiz/public";
import { answerKey, sameAnswer } from "@/lib/quiz/scoring";
import type { PublicQuestion, Question } from "@/lib/quiz/schemas";
import { effectivePhase, type PlayerRecord, type RoomRecord, type RosterRecord, type StoredReveal } from "./record";
import type { HostView, LivePhase, RevealInfo, StandingEntry, StudentView } from "./schemas";
import { distributionBars, rankOf } from "./scoring";

/**
 * What each browser receives, built from the stored records and the bank.
 * Pure. The answer key only enters a view through `revealInfo`, and only in
 * the "reveal" phase; a student's view holds their own answers and the
 * class's counts, never anyone else's answers.
 */

const QUESTION_PHASES: readonly LivePhase[] = ["open", "closed", "reveal"];
const STANDINGS_PHASES: readonly LivePhase[] = ["standings", "ended"];

/** The bank question behind a session's question, or undefined when the bank no longer has it. */
export function questionAt(bank: QuestionBank, room: RoomRecord, index: number): Question | undefined {
  const ref = room.questions[index];
  return ref ? bank.get(ref.id) : undefined;
}

export function publicQuestionAt(bank: QuestionBank, room: RoomRecord, index: number): PublicQuestion | null {
  const question = questionAt(bank, room, index);
  const ref = room.questions[index];
  return question && ref ? toPublicQuestion(question, ref.order, index, room.questions.length) : null;
}

/** The key, the explanation and the frozen counts of a revealed question. */
function revealInfo(bank: QuestionBank, room: RoomRecord, stored: StoredReveal): RevealInfo | null {
  const question = questionAt(bank, room, stored.index);
  const ref = room.questions[stored.index];
  if (!question || !ref) return null;
  const labels = distributionBars(question, ref.order, {});
  return {
    correctAnswer: displayAnswer(question, answerKey(question)),
    explanation: question.explanation,
    distribution: labels.map((bar, i) => ({ ...bar, count: stored.counts[i] ?? 0 })),
    answered: stored.answered,
  };
}

function currentReveal(bank: QuestionBank, room: RoomRecord, phase: LivePhase): RevealInfo | null {
  return phase === "reveal" && room.reveal?.index === room.index ? revealInfo(bank, room, room.reveal) : null;
}

function top(room: RoomRecord, phase: LivePhase): StandingEntry[] | null {
  if (!STANDINGS_PHASES.includes(phase) || !room.top) return null;
  const scores = room.top.map((entry) => entry.s);
  return room.top.map((entry) => ({ rank: rankOf(entry.s, scores), nickname: entry.n, score: entry.s }));
}

export function studentView(bank: QuestionBank, room: RoomRecord, player: PlayerRecord, now: number): StudentView {
  const phase = effectivePhase(room, now);
  const question = QUESTION_PHASES.includes(phase) ? publicQuestionAt(bank, room, room.index) : null;
  const bankQuestion = question ? questionAt(bank, room, room.index) : undefined;
  const answer = question ? player.answers.get(room.index) : undefined;
  const reveal = currentReveal(bank, room, phase);
  return {
    roomId: room.id,
    version: room.version,
    now,
    settings: room.settings,
    nickname: player.nickname,
    phase,
    question,
    closesAt: phase === "open" ? room.closesAt : null,
    yourAnswer: bankQuestion && answer !== undefined ? displayAnswer(bankQuestion, answer) : null,
    reveal:
      reveal && bankQuestion
        ? {
            ...reveal,
            youWereRight: answer === undefined ? null : sameAnswer(answer, answerKey(bankQuestion)),
            points: player.points.get(room.index) ?? 0,
          }
        : null,
    top: top(room, phase),
    score: player.score,
    rank: STANDINGS_PHASES.includes(phase) && room.ranking ? rankOf(player.score, room.ranking) : null,
    players: room.players,
  };
}

function activePlayers(roster: readonly RosterRecord[]): RosterRecord[] {
  return roster.filter((entry) => entry.removed === undefined);
}

export function hostView(bank: QuestionBank, room: RoomRecord, roster: readonly RosterRecord[], now: number): HostView {
  const phase = effectivePhase(room, now);
  return {
    roomId: room.id,
    code: room.code,
    version: room.version,
    now,
    settings: room.settings,
    phase,
    index: room.index,
    question: room.settings.mode === "live" && QUESTION_PHASES.includes(phase) ? publicQuestionAt(bank, room, room.index) : null,
    closesAt: phase === "open" ? room.closesAt : null,
    answered: room.answered(room.index),
    players: activePlayers(roster).map(({ id, nickname, joinedAt }) => ({ id, nickname, joinedAt })),
    locked: room.locked,
    reveal: currentReveal(bank, room, phase),
    top: top(room, phase),
  };
}

import type { QuestionBank } from "@/lib/questions/bank-validate";
import { displayAnswer } from "@/lib/questions/feedback";
import { toPublicQuestion } from "@/lib/questions/public";
import type { PublicQuestion, Question } from "@/lib/questions/schemas";
import { answerKey, isRightAnswer } from "@/lib/questions/scoring";
import { closesAtFor, hasAccommodations, phaseFor, removedOption, withoutOption } from "./accommodations";
import { effectivePhase, seatedPlayers, waitingPlayers, type PlayerRecord, type SessionRecord, type RosterRecord, type StoredReveal } from "./record";
import { rankOf } from "./rank";
import { distributionBars } from "./scoring";
import { teamName } from "./team-names";
import type { HostView, LivePhase, LiveShared, LiveStage, RevealInfo, RosterEntry, StandingEntry, StudentView, TeamStanding } from "./views";

/**
 * What each browser receives, built from the stored records and the bank.
 * Pure. The answer key only enters a view through `revealInfo`, and only in
 * the "reveal" phase; a student's view holds their own answers and the
 * class's counts, never anyone else's answers. Nor, before the reveal, their
 * score with the open question's points in it: that would tell them whether
 * they were right.
 */

const QUESTION_PHASES: readonly LivePhase[] = ["open", "closed", "reveal"];
const STANDINGS_PHASES: readonly LivePhase[] = ["standings", "ended"];

/** The bank question behind a session's question, or undefined when the bank no longer has it. */
export function questionAt(bank: QuestionBank, session: SessionRecord, index: number): Question | undefined {
  const ref = session.questions[index];
  return ref ? bank.get(ref.id) : undefined;
}

export function publicQuestionAt(bank: QuestionBank, session: SessionRecord, index: number): PublicQuestion | null {
  const question = questionAt(bank, session, index);
  const ref = session.questions[index];
  return question && ref ? toPublicQuestion(question, ref.order, index, session.questions.length) : null;
}

/** The question as one student's phone shows it: with one wrong option fewer when the teacher gave them that. */
export function playerQuestionAt(bank: QuestionBank, session: SessionRecord, player: PlayerRecord, index: number): PublicQuestion | null {
  const shown = publicQuestionAt(bank, session, index);
  const question = questionAt(bank, session, index);
  if (!shown || !question || !player.accommodations.fewerOptions || (question.kind !== "single" && question.kind !== "who-said")) return shown;
  return withoutOption(shown, removedOption(question.options, question.answer, player.id, question.id));
}

/** The key, the explanation and the frozen counts of a revealed question. */
function revealInfo(bank: QuestionBank, session: SessionRecord, stored: StoredReveal): RevealInfo | null {
  const question = questionAt(bank, session, stored.index);
  const ref = session.questions[stored.index];
  if (!question || !ref) return null;
  const labels = distributionBars(question, ref.order, {});
  return {
    correctAnswer: displayAnswer(question, answerKey(question)),
    explanation: question.explanation,
    distribution: labels.map((bar, i) => ({ ...bar, count: stored.counts[i] ?? 0 })),
    answered: stored.answered,
  };
}

function currentReveal(bank: QuestionBank, session: SessionRecord, phase: LivePhase): RevealInfo | null {
  return phase === "reveal" && session.reveal?.index === session.index ? revealInfo(bank, session, session.reveal) : null;
}

/** Phases in which the current question has been answered but not yet revealed. */
const UNREVEALED_PHASES: readonly LivePhase[] = ["open", "closed"];

/** The player's score as of the last reveal: the current question's points stay out until it is revealed. */
function revealedScore(session: SessionRecord, player: PlayerRecord, phase: LivePhase): number {
  const unrevealed = UNREVEALED_PHASES.includes(phase) ? (player.points.get(session.index) ?? 0) : 0;
  return player.score - unrevealed;
}

function top(session: SessionRecord, phase: LivePhase): StandingEntry[] | null {
  if (!STANDINGS_PHASES.includes(phase) || !session.top) return null;
  const scores = session.top.map((entry) => entry.s);
  return session.top.map((entry) => ({ rank: rankOf(entry.s, scores), nickname: entry.n, score: entry.s }));
}

function teamTop(session: SessionRecord, phase: LivePhase): TeamStanding[] | null {
  if (!STANDINGS_PHASES.includes(phase) || !session.teamTop) return null;
  const scores = session.teamTop.map((entry) => entry.s);
  return session.teamTop.map((entry) => ({ rank: rankOf(entry.s, scores), team: entry.t, name: teamName(entry.t), members: entry.m, score: entry.s }));
}

/** "First answer" teams that have answered the current question. */
function teamsAnswered(session: SessionRecord): number[] {
  const teams = session.settings.teams;
  if (!teams || teams.rule !== "first") return [];
  return Array.from({ length: teams.count }, (_, i) => i + 1).filter((team) => session.teamAnswered(session.index, team));
}

/** Where the session stands now, as the projector and the class's shared state both say it. */
function stage(bank: QuestionBank, session: SessionRecord, now: number): LiveStage {
  const phase = effectivePhase(session, now);
  return {
    sessionId: session.id,
    version: session.version,
    settings: session.settings,
    phase,
    index: session.index,
    question: session.settings.mode === "live" && QUESTION_PHASES.includes(phase) ? publicQuestionAt(bank, session, session.index) : null,
    closesAt: phase === "open" ? session.closesAt : null,
    answered: session.answered(session.index),
    reveal: currentReveal(bank, session, phase),
    top: top(session, phase),
    teams: teamTop(session, phase),
  };
}

/** What every phone in a live session is shown alike (see LiveShared). */
export function sharedView(bank: QuestionBank, session: SessionRecord, now: number): LiveShared {
  const shown = stage(bank, session, now);
  return {
    ...shown,
    epoch: session.epoch,
    players: session.players,
    waiting: session.waiting,
    ranking: STANDINGS_PHASES.includes(shown.phase) ? session.ranking : null,
    teamsAnswered: teamsAnswered(session),
  };
}

export function studentView(bank: QuestionBank, session: SessionRecord, player: PlayerRecord, now: number): StudentView {
  const phase = phaseFor(session, effectivePhase(session, now), player.accommodations, now);
  const question = QUESTION_PHASES.includes(phase) ? playerQuestionAt(bank, session, player, session.index) : null;
  const bankQuestion = question ? questionAt(bank, session, session.index) : undefined;
  const answer = question ? player.answers.get(session.index) : undefined;
  const reveal = currentReveal(bank, session, phase);
  return {
    sessionId: session.id,
    version: session.version,
    epoch: session.epoch,
    personal: hasAccommodations(player.accommodations),
    now,
    settings: session.settings,
    nickname: player.nickname,
    phase,
    question,
    closesAt: phase === "open" ? closesAtFor(session, player.accommodations) : null,
    yourAnswer: bankQuestion && answer !== undefined ? displayAnswer(bankQuestion, answer) : null,
    reveal:
      reveal && bankQuestion
        ? {
            ...reveal,
            youWereRight: answer === undefined ? null : isRightAnswer(bankQuestion, answer),
            points: player.points.get(session.index) ?? 0,
          }
        : null,
    top: top(session, phase),
    score: revealedScore(session, player, phase),
    rank: STANDINGS_PHASES.includes(phase) && session.ranking ? rankOf(player.score, session.ranking) : null,
    players: session.players,
    team: player.team,
    teamAnswered: player.team !== null && answer === undefined && session.settings.teams?.rule === "first" && question !== null && session.teamAnswered(session.index, player.team),
    teams: teamTop(session, phase),
  };
}

/** The roster as the teacher's screens list it. */
export const rosterEntries = (entries: readonly RosterRecord[]): RosterEntry[] => entries.map(({ id, nickname, joinedAt }) => ({ id, nickname, joinedAt }));

export function hostView(bank: QuestionBank, session: SessionRecord, roster: readonly RosterRecord[], now: number): HostView {
  return {
    ...stage(bank, session, now),
    code: session.code,
    now,
    players: rosterEntries(seatedPlayers(roster)),
    locked: session.locked,
    approval: session.approval,
    waiting: rosterEntries(waitingPlayers(roster)),
    answers: session.questions.reduce((sum, _, index) => sum + session.answered(index), 0),
  };
}

import "server-only";
import { correctionSince, displayAnswer, feedbackFrom } from "@/lib/questions/feedback";
import type { Question } from "@/lib/questions/schemas";
import { answerKey, isRightAnswer } from "@/lib/questions/scoring";
import { parseStats, readStatsOp, type QuestionStats } from "@/lib/questions/stats";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op } from "@/lib/store";
import type { ScoredMember } from "@/lib/store/types";
import { readHostSessionAndRoster } from "./access";
import { questionLabel } from "./format";
import { classroomKeys } from "./keys";
import { questionAt, rosterEntries } from "./live";
import { effectivePhase, parsePlayer, seatedPlayers, waitingPlayers, type PlayerRecord, type RosterRecord, type SessionRecord } from "./record";
import { rankOf } from "./rank";
import { HOST_LISTS } from "./settings";
import { classTally, mostChosenWrong } from "./scoring";
import { teamStandingsNow } from "./teams";
import type { Dashboard, DashboardAnswer, DashboardQuestion, DashboardStudent, ShareCount } from "./views";

/**
 * The teacher's dashboard: every student's answers and score, each
 * question's share of right answers and most-chosen wrong answer, and the
 * class against everyone who has played the public quiz. Also the source of
 * the CSV export and the follow-up sheet.
 */

function shareOf({ total, correct }: QuestionStats): ShareCount {
  return { share: total > 0 ? correct / total : null, answered: total };
}

/** The share over several questions, weighting each answer equally. */
function pooled(counts: readonly ShareCount[]): ShareCount {
  let answered = 0;
  let correct = 0;
  for (const count of counts) {
    answered += count.answered;
    correct += (count.share ?? 0) * count.answered;
  }
  return { share: answered > 0 ? correct / answered : null, answered };
}

export const asText = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

function studentRow(player: PlayerRecord, questions: readonly (Question | undefined)[], removed: boolean): DashboardStudent {
  const answers = questions.map((question, index): DashboardAnswer | null => {
    const answer = player.answers.get(index);
    if (!question || answer === undefined) return null;
    return {
      display: asText(displayAnswer(question, answer)),
      correct: isRightAnswer(question, answer),
      points: player.points.get(index) ?? 0,
    };
  });
  return {
    id: player.id,
    nickname: player.nickname,
    removed,
    score: player.score,
    correct: answers.filter((answer) => answer?.correct).length,
    answered: player.answers.size,
    rank: null,
    team: player.team,
    answers,
    accommodations: player.accommodations,
  };
}

function questionRow(
  ctx: ServiceContext,
  session: SessionRecord,
  index: number,
  counts: Readonly<Record<string, string>>,
  everyone: QuestionStats,
): DashboardQuestion | null {
  const question = questionAt(ctx.bank, session, index);
  const ref = session.questions[index];
  if (!question || !ref) return null;
  const feedback = feedbackFrom(question, answerKey(question), ctx.bank.lookups);
  const quote = question.kind === "who-said" ? question.quote : undefined;
  return {
    index,
    id: question.id,
    prompt: question.prompt,
    quote,
    label: questionLabel({ prompt: question.prompt, quote }),
    correctAnswer: asText(feedback.correctAnswer),
    explanation: feedback.explanation,
    sources: feedback.sources,
    learnMore: feedback.learnMore,
    class: shareOf(classTally(question, counts)),
    mostChosenWrong: mostChosenWrong(question, counts),
    everyone: shareOf(everyone),
    correctedSince: correctionSince(ctx.bank.lookups, ref),
  };
}

/** Which students a dashboard reads: every one (the CSV, the follow-up sheet) or a page of the table's. */
export type StudentSelection = "all" | { page: number };

/** Nicknames as a teacher reads them: "Pupil 2" before "Pupil 10". */
const byNickname = new Intl.Collator("en", { numeric: true }).compare;

/**
 * The table's order from the roster and the scores alone, without reading any student: active students by
 * score, then nickname, each with their rank; then removed ones, in join order. Waiting players are not
 * students yet: the waiting list shows them, to let in or turn away.
 */
function studentOrder(roster: readonly RosterRecord[], scores: readonly ScoredMember[]): { active: number; listed: { entry: RosterRecord; rank: number | null }[] } {
  const scoreOf = new Map(scores.map(({ member, score }) => [member, score]));
  const active = seatedPlayers(roster)
    .map((entry) => ({ entry, score: scoreOf.get(entry.id) ?? 0 }))
    .sort((a, b) => b.score - a.score || byNickname(a.entry.nickname, b.entry.nickname));
  const highestFirst = active.map(({ score }) => score);
  const ranked = active.map(({ entry, score }) => ({ entry, rank: rankOf(score, highestFirst) }));
  const removed = roster.filter((entry) => entry.removed).map((entry) => ({ entry, rank: null }));
  return { active: active.length, listed: [...ranked, ...removed] };
}

/** Where the selection starts in the table's order, and how many it takes (a page past the last shows the last). */
function selectionBounds(selection: StudentSelection, total: number): { first: number; count: number } {
  if (selection === "all") return { first: 0, count: total };
  const per = HOST_LISTS.studentsPerPage;
  const page = Math.min(selection.page, Math.max(1, Math.ceil(total / per)));
  return { first: (page - 1) * per, count: per };
}

/**
 * Two round trips: the session, its roster and the scores, which decide the table's order; then the students
 * selected, every question's class counts and its public-quiz statistics. A page of an assembly's table reads
 * 100 students, not 2,000.
 */
export async function getDashboard(ctx: ServiceContext, sessionId: string, credential: string | undefined, selection: StudentSelection = "all"): Promise<Dashboard> {
  const { session, roster, scores } = await readHostSessionAndRoster(ctx, sessionId, credential, { withScores: true });
  const now = ctx.now();
  const order = studentOrder(roster, scores);
  const { first, count } = selectionBounds(selection, order.listed.length);
  const selected = order.listed.slice(first, first + count);

  const teams = session.settings.teams ?? null;
  const { playerHashes, distributions, everyone, teamPoints } = await execNamed(ctx.store, {
    playerHashes: selected.map(({ entry }) => op.hgetall(classroomKeys.player(sessionId, entry.id))),
    distributions: session.questions.map((_, index) => op.hgetall(classroomKeys.distribution(sessionId, index))),
    everyone: session.questions.map(readStatsOp),
    teamPoints: teams ? [op.zrange(classroomKeys.teamScores(sessionId), 0, -1)] : [],
  });

  const bankQuestions = session.questions.map((_, index) => questionAt(ctx.bank, session, index));
  const questions = session.questions.flatMap((_, index) => questionRow(ctx, session, index, distributions[index] ?? {}, parseStats(everyone[index])) ?? []);
  const students = selected.flatMap(({ entry, rank }, i) => {
    const player = parsePlayer(entry.id, playerHashes[i] ?? {});
    return player ? [{ ...studentRow(player, bankQuestions, Boolean(entry.removed)), rank }] : [];
  });

  return {
    sessionId,
    code: session.code,
    settings: session.settings,
    phase: effectivePhase(session, now),
    locked: session.locked,
    approval: session.approval,
    waiting: rosterEntries(waitingPlayers(roster)),
    players: rosterEntries(seatedPlayers(roster)),
    now,
    version: session.version,
    created: session.created,
    expiresAt: session.expiresAt,
    questions,
    students,
    studentList: { active: order.active, total: order.listed.length, first },
    class: pooled(questions.map((question) => question.class)),
    everyone: pooled(questions.map((question) => question.everyone)),
    teams: teams ? teamStandingsNow(teams, teamPoints[0] ?? [], roster) : null,
  };
}

/** The questions the class missed most (share of wrong answers, then the number wrong), for the follow-up sheet. */
export function mostMissed(dashboard: Dashboard, count = 3): DashboardQuestion[] {
  const wrong = (q: DashboardQuestion) => (q.class.share === null ? 0 : (1 - q.class.share) * q.class.answered);
  return dashboard.questions
    .filter((question) => question.class.share !== null && question.class.share < 1)
    .sort((a, b) => (a.class.share ?? 1) - (b.class.share ?? 1) || wrong(b) - wrong(a) || a.index - b.index)
    .slice(0, count);
}

import "server-only";
import { correctionSince, displayAnswer, feedbackFrom } from "@/lib/questions/feedback";
import type { Question } from "@/lib/questions/schemas";
import { answerKey, isRightAnswer } from "@/lib/questions/scoring";
import { parseStats, readStatsOp, type QuestionStats } from "@/lib/questions/stats";
import type { ServiceContext } from "@/lib/service";
import { execNamed, op } from "@/lib/store";
import { readHostSessionAndRoster } from "./access";
import { questionLabel } from "./format";
import { classroomKeys } from "./keys";
import { questionAt, rosterEntries } from "./live";
import { effectivePhase, parsePlayer, seatedPlayers, waitingPlayers, type PlayerRecord, type SessionRecord } from "./record";
import { rankOf } from "./rank";
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

/**
 * Two round trips: the session and its roster; then every player, every
 * question's class counts and its public-quiz statistics in one read.
 */
export async function getDashboard(ctx: ServiceContext, sessionId: string, credential: string | undefined): Promise<Dashboard> {
  const { session, roster } = await readHostSessionAndRoster(ctx, sessionId, credential);
  const now = ctx.now();

  const teams = session.settings.teams ?? null;
  const { playerHashes, distributions, everyone, teamPoints } = await execNamed(ctx.store, {
    playerHashes: roster.map((entry) => op.hgetall(classroomKeys.player(sessionId, entry.id))),
    distributions: session.questions.map((_, index) => op.hgetall(classroomKeys.distribution(sessionId, index))),
    everyone: session.questions.map(readStatsOp),
    teamPoints: teams ? [op.zrange(classroomKeys.teamScores(sessionId), 0, -1)] : [],
  });

  const bankQuestions = session.questions.map((_, index) => questionAt(ctx.bank, session, index));
  const questions = session.questions.flatMap((_, index) => questionRow(ctx, session, index, distributions[index] ?? {}, parseStats(everyone[index])) ?? []);

  // Waiting players are not students yet: they are listed apart, to let in or turn away.
  const rows = roster.flatMap((entry, i) => {
    const player = parsePlayer(entry.id, playerHashes[i] ?? {});
    return player && !entry.waiting ? [studentRow(player, bankQuestions, Boolean(entry.removed))] : [];
  });
  const active = rows.filter((row) => !row.removed).sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname));
  const scores = active.map((row) => row.score);
  const students = [...active.map((row) => ({ ...row, rank: rankOf(row.score, scores) })), ...rows.filter((row) => row.removed)];

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

import "server-only";
import { displayAnswer, feedbackFrom } from "@/lib/quiz/feedback";
import { quizKeys } from "@/lib/quiz/keys";
import { answerKey, sameAnswer } from "@/lib/quiz/scoring";
import type { Question, SourceRef } from "@/lib/quiz/schemas";
import { op } from "@/lib/store";
import { requireHost, roomFrom } from "./access";
import { assertRoomId, type RoomContext } from "./context";
import { roomKeys } from "./keys";
import { effectivePhase, parsePlayer, parseRoster, type PlayerRecord, type RoomRecord } from "./record";
import type { LivePhase, RoomSettings } from "./schemas";
import { mostChosenWrong, rankOf } from "./scoring";
import { questionAt } from "./views";

/**
 * The teacher's dashboard: every student's answers and score, each
 * question's share of right answers and most-chosen wrong answer, and the
 * class against everyone who has played the public quiz. Also the source of
 * the CSV export and the follow-up sheet.
 */

export interface ShareCount {
  /** 0–1, or null before anyone answered. */
  share: number | null;
  answered: number;
}

export interface DashboardQuestion {
  index: number;
  id: string;
  prompt: string;
  quote: string | undefined;
  correctAnswer: string;
  explanation: string;
  sources: SourceRef[];
  learnMore: { href: string; label: string };
  /** This class. */
  class: ShareCount;
  mostChosenWrong: { label: string; count: number } | null;
  /** Everyone who has answered this question in the public quiz. */
  everyone: ShareCount;
}

export interface DashboardAnswer {
  /** As the student read it (item texts joined with arrows for orderings). */
  display: string;
  correct: boolean;
  points: number;
}

export interface DashboardStudent {
  id: string;
  nickname: string;
  removed: boolean;
  score: number;
  correct: number;
  answered: number;
  /** Shared rank among students still in the session; null for removed ones. */
  rank: number | null;
  /** One per question, null where not answered. */
  answers: (DashboardAnswer | null)[];
}

export interface Dashboard {
  roomId: string;
  code: string;
  settings: RoomSettings;
  phase: LivePhase;
  locked: boolean;
  version: number;
  created: number;
  expiresAt: number;
  questions: DashboardQuestion[];
  /** Active students by rank, then removed ones. */
  students: DashboardStudent[];
  class: ShareCount;
  everyone: ShareCount;
}

const counter = (hash: Readonly<Record<string, string>>, field: string) => {
  const n = Number(hash[field] ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

function shareOf(hash: Readonly<Record<string, string>>): ShareCount {
  const answered = counter(hash, "total");
  return { share: answered > 0 ? counter(hash, "correct") / answered : null, answered };
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

const asText = (answer: string | string[]) => (Array.isArray(answer) ? answer.join(" → ") : answer);

function studentRow(player: PlayerRecord, questions: readonly (Question | undefined)[], removed: boolean): DashboardStudent {
  const answers = questions.map((question, index): DashboardAnswer | null => {
    const answer = player.answers.get(index);
    if (!question || answer === undefined) return null;
    return {
      display: asText(displayAnswer(question, answer)),
      correct: sameAnswer(answer, answerKey(question)),
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
    answers,
  };
}

function questionRow(
  ctx: RoomContext,
  room: RoomRecord,
  index: number,
  counts: Readonly<Record<string, string>>,
  everyone: Readonly<Record<string, string>>,
): DashboardQuestion | null {
  const question = questionAt(ctx.bank, room, index);
  if (!question) return null;
  const feedback = feedbackFrom(question, true, ctx.bank.lookups);
  return {
    index,
    id: question.id,
    prompt: question.prompt,
    quote: question.kind === "who-said" ? question.quote : undefined,
    correctAnswer: asText(feedback.correctAnswer),
    explanation: feedback.explanation,
    sources: feedback.sources,
    learnMore: feedback.learnMore,
    class: shareOf(counts),
    mostChosenWrong: mostChosenWrong(question, counts),
    everyone: shareOf(everyone),
  };
}

/**
 * Two round trips: the session and its roster; then every player, every
 * question's class counts and its public-quiz statistics in one read.
 */
export async function getDashboard(ctx: RoomContext, roomId: string, credential: string | undefined): Promise<Dashboard> {
  assertRoomId(roomId);
  const [roomHash, rosterHash] = await ctx.store.exec([op.hgetall(roomKeys.room(roomId)), op.hgetall(roomKeys.roster(roomId))]);
  const room = roomFrom(roomId, roomHash);
  requireHost(room, credential);
  const roster = parseRoster(rosterHash);

  const results = await ctx.store.exec([
    ...roster.map((entry) => op.hgetall(roomKeys.player(roomId, entry.id))),
    ...room.questions.map((_, index) => op.hgetall(roomKeys.distribution(roomId, index))),
    ...room.questions.map((ref) => op.hgetall(quizKeys.questionStats(ref.id, ref.version))),
  ]);
  const playerHashes = results.slice(0, roster.length);
  const distributions = results.slice(roster.length, roster.length + room.questions.length);
  const everyone = results.slice(roster.length + room.questions.length);

  const bankQuestions = room.questions.map((_, index) => questionAt(ctx.bank, room, index));
  const questions = room.questions.flatMap((_, index) => questionRow(ctx, room, index, distributions[index] ?? {}, everyone[index] ?? {}) ?? []);

  const rows = roster.flatMap((entry, i) => {
    const player = parsePlayer(entry.id, playerHashes[i] ?? {});
    return player ? [studentRow(player, bankQuestions, Boolean(entry.removed))] : [];
  });
  const active = rows.filter((row) => !row.removed).sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname));
  const scores = active.map((row) => row.score);
  const students = [...active.map((row) => ({ ...row, rank: rankOf(row.score, scores) })), ...rows.filter((row) => row.removed)];

  return {
    roomId,
    code: room.code,
    settings: room.settings,
    phase: effectivePhase(room, ctx.now()),
    locked: room.locked,
    version: room.version,
    created: room.created,
    expiresAt: room.expiresAt,
    questions,
    students,
    class: pooled(questions.map((question) => question.class)),
    everyone: pooled(questions.map((question) => question.everyone)),
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

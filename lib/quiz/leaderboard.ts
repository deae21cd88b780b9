import "server-only";
import { z } from "zod";
import { guardLimits } from "@/lib/rate-limit";
import { op, type Op } from "@/lib/store";
import { normalizeNickname } from "@/lib/nickname";
import { assertAttemptId, type QuizContext, type Requester } from "./context";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { ATTEMPT_FIELDS as F, QUIZ_TTL, quizKeys, type LeaderboardBoard } from "./keys";
import { QUIZ_RATE_LIMITS } from "./limits";
import { parseAttempt } from "./record";

/**
 * Leaderboards: sorted sets of attempt ids (only attempts whose player chose
 * a nickname), today's and this month's (UTC), with the nickname beside each
 * board in a `…:names` hash so one round trip reads a whole board.
 *
 * Ranking: higher score first, ties to the earlier finish. Both go into the
 * one sorted-set score: `score × 10^13 + (10^13 − 1 − finishedAt ms)`. The
 * largest value, about 2.1 × 10^14, is an exact integer in a double.
 *
 * Boards are bounded: an entry is only added while the board has fewer than
 * BOARD_CAPACITY members or when it beats the current last place. Nothing
 * ever needs trimming (the store interface has no ZREMRANGEBYRANK), and at
 * most ~BOARD_CAPACITY × 21 entries can ever join a board, since a later
 * finisher never beats an equal score.
 */

export const BOARD_CAPACITY = 100;
const FINISH_SPAN = 10 ** 13;

export function boardScore(score: number, finishedAt: number): number {
  return score * FINISH_SPAN + (FINISH_SPAN - 1 - finishedAt);
}

export function decodeBoardScore(value: number): { score: number; finishedAt: number } {
  const score = Math.floor(value / FINISH_SPAN);
  return { score, finishedAt: FINISH_SPAN - 1 - (value - score * FINISH_SPAN) };
}

const StoredEntry = z.object({ n: z.string(), l: z.number().int() });

export interface LeaderboardEntry {
  /** 1-based; no shared ranks, the earlier finish wins a tie. */
  rank: number;
  nickname: string;
  score: number;
  /** Number of questions in that quiz. */
  length: number;
  finishedAt: number;
  /** This is the viewer's own attempt (attempt ids stay private: they are the key to a result). */
  you: boolean;
}

export interface NamedResult {
  nickname: string;
  /** 1-based rank on each board, or null when the score did not make the top BOARD_CAPACITY. */
  rank: { day: number | null; month: number | null };
}

/** Would `value` make it onto a board whose current last place (at capacity) is `cut`? */
function qualifies(count: number, cut: { score: number }[], value: number): boolean {
  const last = cut[0];
  return count < BOARD_CAPACITY || last === undefined || value > last.score;
}

/**
 * Two round trips: read the attempt (score, finish time) and each board's
 * last place; then one `execIf` guarded by `quiz:att:{id}:named` (must be
 * absent), so a result is named once, adding it to the boards it
 * qualifies for and reading its ranks in the same transaction, with the
 * client's nickname limit counted in it (over it, nothing is written: 429).
 */
export async function submitNickname(
  ctx: QuizContext,
  attemptId: string,
  rawNickname: string,
  requester: Requester,
): Promise<NamedResult> {
  assertAttemptId(attemptId);
  const normalized = normalizeNickname(rawNickname);
  if (!normalized.ok) throw new QuizError("invalid_nickname", normalized.message);
  const nickname = normalized.nickname;

  const now = ctx.now();
  const boards: LeaderboardBoard[] = ["day", "month"];
  const [hash, dayCut, dayCount, monthCut, monthCount] = await ctx.store.exec([
    op.hgetall(quizKeys.attempt(attemptId)),
    op.zrange(quizKeys.leaderboard("day", now), BOARD_CAPACITY - 1, BOARD_CAPACITY - 1, { reverse: true }),
    op.zcard(quizKeys.leaderboard("day", now)),
    op.zrange(quizKeys.leaderboard("month", now), BOARD_CAPACITY - 1, BOARD_CAPACITY - 1, { reverse: true }),
    op.zcard(quizKeys.leaderboard("month", now)),
  ]);
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw new QuizError("not_found", QUIZ_MESSAGES.attemptNotFound);
  if (attempt.finishedAt === undefined) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  if (attempt.nickname !== undefined) throw new QuizError("already_named", QUIZ_MESSAGES.alreadyNamed);

  const value = boardScore(attempt.score, attempt.finishedAt);
  const entry = JSON.stringify({ n: nickname, l: attempt.questions.length });
  const joins = {
    day: qualifies(dayCount, dayCut, value),
    month: qualifies(monthCount, monthCut, value),
  };
  const ttl = { day: QUIZ_TTL.leaderboardDay, month: QUIZ_TTL.leaderboardMonth };

  const ops: Op[] = [
    op.hset(quizKeys.attempt(attemptId), { [F.nickname]: nickname }),
    op.expire(quizKeys.attempt(attemptId), QUIZ_TTL.attempt),
  ];
  const rankAt: Partial<Record<LeaderboardBoard, number>> = {};
  for (const board of boards) {
    if (!joins[board]) continue;
    const key = quizKeys.leaderboard(board, now);
    const names = quizKeys.leaderboardNames(board, now);
    ops.push(
      op.zadd(key, value, attemptId),
      op.expire(key, ttl[board]),
      op.hset(names, { [attemptId]: entry }),
      op.expire(names, ttl[board]),
      op.zrank(key, attemptId, { reverse: true }),
    );
    rankAt[board] = ops.length - 1;
  }

  const limits = guardLimits([{ rule: QUIZ_RATE_LIMITS.nicknamesPerClient, subject: requester.client }], ctx.now());
  const outcome = await ctx.store.execIf(
    { key: quizKeys.named(attemptId), expect: null, value: nickname, ttlSeconds: QUIZ_TTL.attempt, limits: limits.limits },
    ops,
  );
  limits.throwIfRefused(outcome);
  if (!outcome.applied) throw new QuizError("already_named", QUIZ_MESSAGES.alreadyNamed);
  const rank = (board: LeaderboardBoard): number | null => {
    const at = rankAt[board];
    const value = at === undefined ? undefined : outcome.results[at];
    return typeof value === "number" ? value + 1 : null;
  };
  return { nickname, rank: { day: rank("day"), month: rank("month") } };
}

/** One round trip: the top of the board and its names hash (bounded, see above). */
export async function getLeaderboard(
  ctx: QuizContext,
  board: LeaderboardBoard,
  limit = 10,
  options: { viewerAttemptId?: string } = {},
): Promise<LeaderboardEntry[]> {
  const count = Math.max(1, Math.min(BOARD_CAPACITY, Math.floor(limit)));
  const now = ctx.now();
  const [top, names] = await ctx.store.exec([
    op.zrange(quizKeys.leaderboard(board, now), 0, count - 1, { reverse: true }),
    op.hgetall(quizKeys.leaderboardNames(board, now)),
  ]);
  return top.flatMap(({ member, score }, index): LeaderboardEntry[] => {
    let stored: z.infer<typeof StoredEntry>;
    try {
      stored = StoredEntry.parse(JSON.parse(names[member] ?? "null"));
    } catch {
      return []; // written in the same transaction, so only a damaged hash gets here
    }
    return [
      {
        rank: index + 1,
        nickname: stored.n,
        length: stored.l,
        ...decodeBoardScore(score),
        you: member === options.viewerAttemptId,
      },
    ];
  });
}

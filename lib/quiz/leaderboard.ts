import "server-only";
import { z } from "zod";
import type { Requester } from "@/lib/http/requester";
import { normalizeNickname } from "@/lib/nickname";
import { rateLimits } from "@/lib/rate-limit";
import { clientKeyHash } from "@/lib/security/client-keys";
import type { ServiceContext } from "@/lib/service";
import { execIfNamed, execNamed, op } from "@/lib/store";
import { QUIZ_MESSAGES, QuizError } from "./errors";
import { FAIR_PLAY, minimumPlayMs, OFF_BOARD_MESSAGES, type OffBoardReason } from "./fair-play";
import { ATTEMPT_FIELDS as F, boardPeriod, QUIZ_TTL, quizKeys, type LeaderboardBoard } from "./keys";
import { QUIZ_RATE_LIMITS } from "./limits";
import { parseAttempt } from "./record";
import { assertAttemptId } from "./requests";
import type { LeaderboardEntry, NamedResult } from "./views";

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

/** Would `value` make it onto a board whose current last place (at capacity) is `cut`? */
function qualifies(count: number, cut: { score: number }[], value: number): boolean {
  const last = cut[0];
  return count < BOARD_CAPACITY || last === undefined || value > last.score;
}

/**
 * Two round trips: read the attempt (score, start and finish times), each
 * board's last place and the client network's entries on it; then one `execIf` guarded by `quiz:att:{id}:named` (must be
 * absent), so a result is named once, adding it to the boards it
 * qualifies for and reading its ranks in the same transaction, with the
 * client's nickname limit counted in it (over it, nothing is written: 429).
 * A result too fast to be read, or from a network that already has its
 * share of a board, is named but left off (./fair-play.ts), and says why.
 */
export async function submitNickname(
  ctx: ServiceContext,
  attemptId: string,
  rawNickname: string,
  requester: Requester,
): Promise<NamedResult> {
  assertAttemptId(attemptId);
  const normalized = normalizeNickname(rawNickname);
  if (!normalized.ok) throw new QuizError("invalid_nickname", normalized.message);
  const nickname = normalized.nickname;

  const now = ctx.now();
  const bucket = { day: networkBucket(boardPeriod("day", now), requester.client), month: networkBucket(boardPeriod("month", now), requester.client) };
  const { hash, dayCut, dayCount, dayNetwork, monthCut, monthCount, monthNetwork } = await execNamed(ctx.store, {
    hash: op.hgetall(quizKeys.attempt(attemptId)),
    dayCut: op.zrange(quizKeys.leaderboard("day", now), BOARD_CAPACITY - 1, BOARD_CAPACITY - 1, { reverse: true }),
    dayCount: op.zcard(quizKeys.leaderboard("day", now)),
    dayNetwork: op.hget(quizKeys.leaderboardNetworks("day", now), bucket.day),
    monthCut: op.zrange(quizKeys.leaderboard("month", now), BOARD_CAPACITY - 1, BOARD_CAPACITY - 1, { reverse: true }),
    monthCount: op.zcard(quizKeys.leaderboard("month", now)),
    monthNetwork: op.hget(quizKeys.leaderboardNetworks("month", now), bucket.month),
  });
  const attempt = parseAttempt(attemptId, hash);
  if (!attempt) throw new QuizError("not_found", QUIZ_MESSAGES.attemptNotFound);
  if (attempt.finishedAt === undefined) throw new QuizError("not_finished", QUIZ_MESSAGES.notFinished);
  if (attempt.nickname !== undefined) throw new QuizError("already_named", QUIZ_MESSAGES.alreadyNamed);

  const value = boardScore(attempt.score, attempt.finishedAt);
  const entry = JSON.stringify({ n: nickname, l: attempt.questions.length });
  const tooFast = attempt.finishedAt - attempt.created < minimumPlayMs(attempt.questions.map((ref) => ctx.bank.get(ref.id)?.prompt ?? ""));
  const networkFull = (stored: string | null) => Number(stored ?? 0) >= FAIR_PLAY.entriesPerNetwork;
  const offBoard: OffBoardReason | undefined = tooFast ? "pace" : networkFull(dayNetwork) && networkFull(monthNetwork) ? "network" : undefined;
  const joins = {
    day: !tooFast && !networkFull(dayNetwork) && qualifies(dayCount, dayCut, value),
    month: !tooFast && !networkFull(monthNetwork) && qualifies(monthCount, monthCut, value),
  };
  const ttl = { day: QUIZ_TTL.leaderboardDay, month: QUIZ_TTL.leaderboardMonth };

  // The entry, its name and its network's count on each board the result makes.
  const entryOps = (board: LeaderboardBoard) => {
    if (!joins[board]) return [];
    const key = quizKeys.leaderboard(board, now);
    const names = quizKeys.leaderboardNames(board, now);
    const networks = quizKeys.leaderboardNetworks(board, now);
    return [
      op.zadd(key, value, attemptId),
      op.expire(key, ttl[board]),
      op.hset(names, { [attemptId]: entry }),
      op.expire(names, ttl[board]),
      op.hincrby(networks, bucket[board], 1),
      op.expire(networks, ttl[board]),
    ];
  };
  // Read back after the entries: null on a board the result did not make.
  const rankOp = (board: LeaderboardBoard) => op.zrank(quizKeys.leaderboard(board, now), attemptId, { reverse: true });

  const limits = rateLimits([{ rule: QUIZ_RATE_LIMITS.nicknamesPerClient, subject: requester.client }], ctx.now());
  const outcome = await execIfNamed(
    ctx.store,
    { key: quizKeys.named(attemptId), expect: null, value: nickname, ttlSeconds: QUIZ_TTL.attempt, limits: limits.guard },
    {
      nickname: op.hset(quizKeys.attempt(attemptId), { [F.nickname]: nickname, ...(offBoard ? { [F.offBoard]: offBoard } : {}) }),
      attemptTtl: op.expire(quizKeys.attempt(attemptId), QUIZ_TTL.attempt),
      dayEntry: entryOps("day"),
      monthEntry: entryOps("month"),
      dayRank: rankOp("day"),
      monthRank: rankOp("month"),
    },
  );
  limits.throwIfRefused(outcome);
  if (!outcome.applied) throw new QuizError("already_named", QUIZ_MESSAGES.alreadyNamed);
  const rank = (zrank: number | null) => (zrank === null ? null : zrank + 1);
  return {
    nickname,
    rank: { day: rank(outcome.results.dayRank), month: rank(outcome.results.monthRank) },
    offBoard: offBoard ? OFF_BOARD_MESSAGES[offBoard] : null,
  };
}

/** One round trip: the top of the board and its names hash (bounded, see above). */
export async function getLeaderboard(
  ctx: ServiceContext,
  board: LeaderboardBoard,
  limit = 10,
  options: { viewerAttemptId?: string } = {},
): Promise<LeaderboardEntry[]> {
  const count = Math.max(1, Math.min(BOARD_CAPACITY, Math.floor(limit)));
  const now = ctx.now();
  const { top, names } = await execNamed(ctx.store, {
    top: op.zrange(quizKeys.leaderboard(board, now), 0, count - 1, { reverse: true }),
    names: op.hgetall(quizKeys.leaderboardNames(board, now)),
  });
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

/** A coarse bucket (4 hex digits) of the client's network, different in every board period (./fair-play.ts). */
export function networkBucket(period: string, client: string): string {
  return clientKeyHash(`board:${period}`, client).toString("hex").slice(0, 4);
}

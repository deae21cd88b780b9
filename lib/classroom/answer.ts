import "server-only";
import type { Requester } from "@/lib/http/requester";
import type { AnswerInput } from "@/lib/questions/requests";
import type { NormalizedAnswer, Question } from "@/lib/questions/schemas";
import { encodeAnswer, isRightAnswer, normalizeAnswer, sameAnswer } from "@/lib/questions/scoring";
import { rateLimits } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { execIfNamed, execNamed, op } from "@/lib/store";
import { closesAtFor, phaseFor, timerFor } from "./accommodations";
import { activePlayerFrom, playerIdFromToken, sessionFrom } from "./access";
import { CLASSROOM_MESSAGES, ClassroomError } from "./errors";
import { PLAYER_FIELDS as P, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { answersPerNetwork, CLASSROOM_RATE_LIMITS as LIMITS } from "./limits";
import { questionAt } from "./live";
import { effectivePhase, type PlayerRecord, type SessionRecord } from "./record";
import { assertSessionId } from "./requests";
import { choiceField, pointsFor } from "./scoring";
import type { Accommodations } from "./settings";

/**
 * A student's answer, counted exactly once, in two round trips and seven
 * commands: a class's store bill is mostly its answers, so an answer
 * writes only what nothing else can tell. The player's score is the sum of
 * their points, the class's totals the sums of its choice counts, and the
 * live question's distribution key was created, with its expiry, when the
 * teacher opened the question.
 *
 * Each player has an answer counter (`…:seq`) that is the guard of a
 * compare-and-set: the answer and its points, the ranking, the class
 * distribution and the "answers received" count are written in the same
 * transaction as the counter moves from n to n + 1. Two requests that read
 * the same n (a double tap, a retry after a dropped connection) cannot both
 * win; the loser re-reads and finds the answer already there. Players never
 * share a guard, so 200 students answering at once do not contend.
 *
 * Teams (lib/classroom/teams.ts): every counted answer adds its points to
 * its team in the same transaction. In a "first answer" team the guard is
 * instead the team's claim on the question (`…:tq:{index}:{team}`), so of
 * teammates answering at once exactly one counts; the others are told
 * their team has answered (409) and cannot answer for practice, which
 * keeps the class's counts to one per shared phone.
 */

/** A tap in the last moment before the timer ends is still in flight when it does. */
const LATE_ANSWER_GRACE_MS = 1_500;

/** Concurrent answers by one player to different questions (homework, two tabs) retry this often. */
const MAX_TRIES = 4;

export interface RecordedAnswer {
  session: SessionRecord;
  /** The player, with this answer in it. */
  player: PlayerRecord;
  index: number;
  question: Question;
  answer: NormalizedAnswer;
  correct: boolean;
  points: number;
  /** The same answer had already been recorded: nothing was counted twice. */
  replay: boolean;
}

/** Which question of the session this answer is for, or why it cannot be answered now (by this student's own deadline). */
function answerableIndex(session: SessionRecord, questionId: string, given: Accommodations, now: number): number {
  const phase = phaseFor(session, effectivePhase(session, now), given, now);
  if (phase === "ended") throw new ClassroomError("ended", CLASSROOM_MESSAGES.ended);
  if (session.settings.mode === "homework") {
    const index = session.questions.findIndex((ref) => ref.id === questionId);
    if (index < 0) throw new ClassroomError("not_found", CLASSROOM_MESSAGES.notCurrent);
    return index;
  }
  if (session.questions[session.index]?.id !== questionId) {
    // An answer kept on a phone while it was offline can arrive after the teacher moved on.
    const earlier = session.questions.slice(0, session.index).some((ref) => ref.id === questionId);
    throw earlier ? new ClassroomError("closed", CLASSROOM_MESSAGES.closed) : new ClassroomError("conflict", CLASSROOM_MESSAGES.notCurrent);
  }
  const closesAt = closesAtFor(session, given);
  const late = phase === "closed" && session.phase === "open" && closesAt !== null && now < closesAt + LATE_ANSWER_GRACE_MS;
  if (phase !== "open" && !late) throw new ClassroomError("closed", CLASSROOM_MESSAGES.closed);
  return session.index;
}

/**
 * Two round trips: read the session and the player (whose answers give the counter's value);
 * then the guarded write, with the player's and the client's answer limits
 * counted in it (over either, nothing is written: 429). A lost race adds a
 * read and a retry.
 */
export async function recordAnswer(
  ctx: ServiceContext,
  sessionId: string,
  token: string | undefined,
  input: AnswerInput,
  requester: Requester,
): Promise<RecordedAnswer> {
  assertSessionId(sessionId);
  const playerId = playerIdFromToken(token);
  const sessionKey = classroomKeys.session(sessionId);
  const playerKey = classroomKeys.player(sessionId, playerId);
  const seqKey = classroomKeys.playerSeq(sessionId, playerId);

  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const now = ctx.now();
    const read = await execNamed(ctx.store, { session: op.hgetall(sessionKey), player: op.hgetall(playerKey) });
    const session = sessionFrom(sessionId, read.session);
    const player = activePlayerFrom(playerId, read.player);
    // The counter moves with the answers in one write, so it holds their count: no need to read it.
    const seq = player.answered === 0 ? null : String(player.answered);
    const index = answerableIndex(session, input.questionId, player.accommodations, now);
    const question = questionAt(ctx.bank, session, index);
    if (!question) throw new ClassroomError("not_found", CLASSROOM_MESSAGES.notCurrent);
    const answer = normalizeAnswer(question, input.answer);
    const correct = isRightAnswer(question, answer);

    const earlier = player.answers.get(index);
    if (earlier !== undefined) {
      if (!sameAnswer(earlier, answer)) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.alreadyAnswered);
      return { session, player, index, question, answer, correct, points: player.points.get(index) ?? 0, replay: true };
    }
    // "First answer" teams: a teammate's answer already counts, and the team's answer key is this write's guard.
    const team = session.settings.teams ? player.team : null;
    const firstAnswer = team !== null && session.settings.teams?.rule === "first";
    if (firstAnswer && session.teamAnswered(index, team)) throw new ClassroomError("conflict", CLASSROOM_MESSAGES.teamAnswered);

    const elapsedMs = session.settings.mode === "live" && session.openedAt !== null ? Math.max(0, now - session.openedAt) : null;
    const points = pointsFor({ scoring: session.settings.scoring, correct, elapsedMs, timerSeconds: timerFor(session.settings.timer, player.accommodations) });
    const ttl = ttlSeconds(session.expiresAt, now);
    const distKey = classroomKeys.distribution(sessionId, index);
    const answered = player.answered;
    const limits = rateLimits(
      [
        { rule: LIMITS.answersPerPlayer, subject: `${sessionId}:${playerId}` },
        { rule: answersPerNetwork(ctx.classroomMaxPlayers), subject: requester.client },
      ],
      now,
    );
    const guard = firstAnswer
      ? { key: classroomKeys.teamAnswer(sessionId, index, team), expect: null, value: playerId, ttlSeconds: ttl, limits: limits.guard }
      : { key: seqKey, expect: seq, value: String(answered + 1), ttlSeconds: ttl, limits: limits.guard };
    const teamScoresKey = classroomKeys.teamScores(sessionId);
    const outcome = await execIfNamed(ctx.store, guard, {
      answer: op.hset(playerKey, {
        [`${P.answerPrefix}${index}`]: encodeAnswer(answer),
        [`${P.pointsPrefix}${index}`]: String(points),
        ...(elapsedMs === null ? {} : { [`${P.timePrefix}${index}`]: String(elapsedMs) }),
      }),
      ranking: op.zincrby(classroomKeys.scores(sessionId), points, playerId),
      // One field per answer: the class's totals and right answers are its sums (scoring.ts, classTally).
      distribution: [op.hincrby(distKey, choiceField(answer), 1), ...(session.preparedDistribution === index ? [] : [op.expire(distKey, ttl)])],
      answeredCount: op.hincrby(sessionKey, `${F.answeredPrefix}${index}`, 1),
      seq: firstAnswer ? [op.set(seqKey, String(answered + 1), { ttlSeconds: ttl })] : [],
      team:
        team === null
          ? []
          : [
              op.zincrby(teamScoresKey, points, String(team)),
              op.expire(teamScoresKey, ttl),
              ...(firstAnswer ? [op.hset(sessionKey, { [`${F.teamAnsweredPrefix}${index}:${team}`]: "1" })] : []),
            ],
    });
    limits.throwIfRefused(outcome);
    if (outcome.applied) {
      const updated: PlayerRecord = {
        ...player,
        score: player.score + points,
        answered: answered + 1,
        answers: new Map(player.answers).set(index, answer),
        points: new Map(player.points).set(index, points),
      };
      return { session, player: updated, index, question, answer, correct, points, replay: false };
    }
    // Another request of this player's moved the counter: read again, and find it (replay) or go again.
  }
  throw new ClassroomError("conflict", "Your answer could not be saved because several were sent at once. Please try again.");
}

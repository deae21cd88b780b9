import "server-only";
import type { Requester } from "@/lib/http/requester";
import { drawAttempt } from "@/lib/questions/draw";
import { encodeRefs, refsOf } from "@/lib/questions/refs";
import { rateLimits } from "@/lib/rate-limit";
import type { ServiceContext } from "@/lib/service";
import { op } from "@/lib/store";
import { newJoinCode } from "./code";
import { ClassroomError } from "./errors";
import { initialExpiry, SESSION_FIELDS as F, classroomKeys, ttlSeconds } from "./keys";
import { CLASSROOM_RATE_LIMITS } from "./limits";
import type { CreateSessionInput } from "./requests";
import { hashHostCredential, newHostCredential, newSessionId } from "./tokens";
import type { CreatedSession } from "./views";

/** A fresh code collides with a live one about once in 10^7 sessions; a few tries are plenty. */
const CODE_TRIES = 5;

/**
 * One round trip: an `execIf` that claims the join code (it must be free)
 * and writes the session hash and its version key in the same transaction,
 * so a code can never point at two sessions, with the client's creation
 * limit counted in it (over it, nothing is written: 429). Another round
 * trip per code collision.
 */
export async function createSession(ctx: ServiceContext, input: CreateSessionInput, requester: Requester): Promise<CreatedSession> {
  const { questions } = drawAttempt(ctx.bank.list(), { length: input.length, topic: input.topic }, ctx.random);
  if (questions.length === 0) throw new ClassroomError("not_found", "There are no questions on this topic yet. Choose another topic.");

  const created = ctx.now();
  const live = input.mode === "live";
  const deadline = live ? null : created + input.dueInHours * 60 * 60 * 1000;
  const expiresAt = initialExpiry(created, deadline);
  const ttl = ttlSeconds(expiresAt, created);
  const sessionId = newSessionId();
  const hostCredential = newHostCredential();
  const refs = refsOf(questions);

  const fields = {
    [F.created]: String(created),
    [F.expiresAt]: String(expiresAt),
    [F.hostHash]: hashHostCredential(hostCredential),
    [F.mode]: input.mode,
    // Timer and speed bonus need a teacher pacing the class; homework is scored on accuracy.
    [F.scoring]: live ? input.scoring : "accuracy",
    [F.timer]: String(live ? input.timer : 0),
    [F.deadline]: deadline === null ? "" : String(deadline),
    [F.topic]: input.topic ?? "",
    [F.questions]: encodeRefs(refs),
    [F.version]: "0",
    [F.phase]: live ? "lobby" : "open",
    [F.index]: "0",
    [F.locked]: "",
    [F.players]: "0",
    // Teams play a live session together; homework stays individual.
    [F.teams]: String(live ? (input.teams ?? 0) : 0),
    [F.teamAssignment]: input.teamAssignment ?? "balanced",
    [F.teamRule]: input.teamRule ?? "first",
  };

  for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
    const code = newJoinCode(ctx.random);
    const limits = rateLimits([{ rule: CLASSROOM_RATE_LIMITS.createsPerClient, subject: requester.client }], created);
    const guard = { key: classroomKeys.code(code), expect: null, value: sessionId, ttlSeconds: ttl, limits: limits.guard };
    const outcome = await ctx.store.execIf(guard, [
      op.hset(classroomKeys.session(sessionId), { ...fields, [F.code]: code }),
      op.expire(classroomKeys.session(sessionId), ttl),
      op.set(classroomKeys.version(sessionId), "0", { ttlSeconds: ttl }),
    ]);
    limits.throwIfRefused(outcome);
    if (outcome.applied) return { sessionId, code, hostCredential, ttlSeconds: ttl };
  }
  throw new Error(`No free join code after ${CODE_TRIES} tries`);
}
